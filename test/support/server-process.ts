import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";

const repoRoot = join(import.meta.dir, "../..");

/**
 * Black-box suites log in and create far more from 127.0.0.1 than one person would, so
 * test servers start with roomy limits; rate-limit tests pass their own in `env`.
 */
const ROOMY_RATE_LIMITS = {
  GG_RATE_LIMIT_IP_PER_MIN: "100000",
  GG_RATE_LIMIT_AUTH_IP_PER_MIN: "100000",
  GG_RATE_LIMIT_AUTH_ACCOUNT_PER_MIN: "1000",
  GG_RATE_LIMIT_APIKEY_IP_PER_MIN: "100000",
  GG_RATE_LIMIT_LICENSE_PER_MIN: "1000",
};

/** They also sign up many accounts; tests of the sign-up policy (and the quickstart) pass their own GG_REGISTRATION. */
const OPEN_SIGN_UP = { GG_REGISTRATION: "open" };

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Every line the process wrote to stdout and stderr so far. */
  output: string[];
  process: Subprocess;
  /** SIGTERM and wait for exit; removes the data dir unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<number>;
}

export interface StartOptions {
  /** Run this executable instead of the sources (the compiled binary). */
  executable?: string;
  /** Reuse a data directory (restart tests, several processes on one database). */
  dataDir?: string;
  env?: Record<string, string>;
  cwd?: string;
}

export async function collect(stream: ReadableStream<Uint8Array>, lines: string[], onLine: (line: string) => void) {
  const decoder = new TextDecoder();
  let buffered = "";
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      onLine(line);
    }
  }
  if (buffered) lines.push(buffered);
}

/**
 * Collects the child's output into `output` and resolves with `listening(line)`'s first
 * non-null answer; rejects if the child exits first or says nothing within 15 s.
 */
export function untilListening<T>(child: Subprocess<"ignore", "pipe", "pipe">, output: string[], what: string, listening: (line: string) => T | null): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output.join("\n")}`)), 15_000);
    const onLine = (line: string) => {
      const found = listening(line);
      if (found === null) return;
      clearTimeout(timer);
      resolve(found);
    };
    void collect(child.stdout, output, onLine);
    void collect(child.stderr, output, () => {});
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before listening:\n${output.join("\n")}`));
    });
  });
}

/** Starts the real server on a free port (PORT=0) with a temp data dir; resolves once it listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "gg-test-"));
  const command = options.executable ? [options.executable, "serve"] : [process.execPath, join(repoRoot, "apps/server/src/main.ts"), "serve"];
  const child = Bun.spawn(command, {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PORT: "0", GG_HOST: "127.0.0.1", GG_DATA_DIR: dataDir, ...ROOMY_RATE_LIMITS, ...OPEN_SIGN_UP, ...options.env },
    stdout: "pipe",
    stderr: "pipe",
  });
  const output: string[] = [];
  const port = await untilListening(child, output, "server", (line) =>
    line.includes('"server.listening"') ? (JSON.parse(line) as { port: number }).port : null,
  );
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    output,
    process: child,
    async stop(stopOptions = {}) {
      child.kill("SIGTERM");
      const code = await child.exited;
      if (!stopOptions.keepData && options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
