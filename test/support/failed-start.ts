import { join } from "node:path";

const repoRoot = join(import.meta.dir, "../..");

export interface FailedStart {
  exitCode: number;
  stdout: string;
  /** Non-empty stderr lines. */
  stderrLines: string[];
}

/**
 * Runs `geckoguard serve` (or `args`) from source, or the compiled `executable`, with `env`
 * (on top of a minimal environment) and waits for it to exit; a server that starts listening instead is killed and reported.
 */
export async function runUntilExit(env: Record<string, string>, args: string[] = ["serve"], options: { executable?: string; cwd?: string } = {}): Promise<FailedStart> {
  const program = options.executable ? [options.executable] : [process.execPath, join(repoRoot, "apps/server/src/main.ts")];
  const child = Bun.spawn([...program, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", GG_HOST: "127.0.0.1", PORT: "0", ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  const [stdout, stderr, exitCode] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  clearTimeout(timer);
  if (stdout.includes('"server.listening"')) throw new Error(`the server started instead of failing:\n${stdout}`);
  return { exitCode, stdout, stderrLines: stderr.split("\n").filter((line) => line.trim() !== "") };
}
