import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { untilListening } from "./server-process.ts";

export interface RunningExample {
  baseUrl: string;
  output: string[];
  /** SIGTERM, wait for the exit code, remove the data dir. */
  stop(): Promise<number>;
}

const LISTENING = /listening on (http:\/\/\S+)/;

/** Runs an example's server on a free loopback port with a temp data dir; resolves once it prints its URL. */
export async function startExample(command: string[], cwd: string): Promise<RunningExample> {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-example-"));
  const child = Bun.spawn(command, {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PORT: "0", HOST: "127.0.0.1", GG_DATA_DIR: dataDir },
    stdout: "pipe",
    stderr: "pipe",
  });
  const output: string[] = [];
  const baseUrl = await untilListening(child, output, "example", (line) => LISTENING.exec(line)?.[1] ?? null);
  return {
    baseUrl,
    output,
    async stop() {
      child.kill("SIGTERM");
      const code = await child.exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
