/** A real HTTP receiver on 127.0.0.1 for black-box webhook tests. */
export interface Received {
  /** The path the request was sent to. */
  path: string;
  headers: Headers;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Requests whose answer has not been sent (a hanging receiver's open connections). */
  open: number;
  /** Resolves once `count` requests have arrived; fails after `timeoutMs` saying how many did. */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  stop(): void;
}

type Respond = (n: number, request: Received) => Response | Promise<Response>;

export function startReceiver(respond: Respond = () => new Response(null, { status: 204 }), path = "/hooks"): Receiver {
  const received: Received[] = [];
  let open = 0;
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    idleTimeout: 0,
    async fetch(request) {
      const entry = { path: new URL(request.url).pathname, headers: request.headers, body: await request.text() };
      received.push(entry);
      open++;
      try {
        return await respond(received.length, entry);
      } finally {
        open--;
      }
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}${path}`,
    received,
    get open() {
      return open;
    },
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${received.length}`);
        await Bun.sleep(25);
      }
      return received;
    },
    stop: () => void server.stop(true),
  };
}

/** Never answers: the worker's 10 s timeout is the only way out. */
export const hang: Respond = () => new Promise<Response>(() => {});

/** Answers 200 with a 50 MB body, produced on demand (the receiver does not hold it either). */
export const fiftyMegabytes: Respond = () => {
  const chunk = new Uint8Array(64 * 1024).fill(120);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 50 * 1024 * 1024) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return new Response(body, { status: 200 });
};
