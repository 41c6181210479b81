import { SMTPServer } from "smtp-server";

/** One mail as it arrived over SMTP: envelope, headers and the decoded text body. */
export interface CaughtMail {
  from: string;
  to: string[];
  headers: Map<string, string>;
  text: string;
}

export interface SmtpCatcher {
  url: string;
  received: CaughtMail[];
  /** Refuse the next `n` DATA commands with a 451 (temporary) answer. */
  refuseNext(n: number): void;
  /** How many DATA commands were refused so far. */
  refused(): number;
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  /** The first received mail that `match` accepts, once it has arrived. */
  waitUntil(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const text = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(text[i]!));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function parseMail(raw: string, envelope: { from: string; to: string[] }): CaughtMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : body;
  return { ...envelope, headers, text: text.replace(/\r\n/g, "\n") };
}

/**
 * A real SMTP server on 127.0.0.1 (a free port) that keeps what it is sent. No TLS and
 * no auth required: the test talks plain `smtp://` over loopback.
 */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const received: CaughtMail[] = [];
  let toRefuse = 0;
  let refusedCount = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          refusedCount += 1;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          return callback(error);
        }
        const envelope = {
          from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        received.push(parseMail(Buffer.concat(chunks).toString("utf8"), envelope));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n) => void (toRefuse = n),
    refused: () => refusedCount,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} mails, got ${received.length}`);
        await Bun.sleep(20);
      }
      return received.slice(0, count);
    },
    async waitUntil(match, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found !== undefined) return found;
        if (Date.now() > until) throw new Error(`the expected mail did not arrive (got ${received.length})`);
        await Bun.sleep(20);
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
