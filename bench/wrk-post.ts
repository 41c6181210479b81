/**
 * wrk POSTing one JSON body for a bounded time, against loopback only (bench/wrk.ts
 * installs wrk; its runner replays bench/authorize.lua's pre-signed requests instead).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A POST with a JSON body; with `uniqueKeys`, every request carries its own Idempotency-Key. */
function luaScript(path: string, body: string, uniqueKeys: boolean): string {
  return `
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
local counter = 0
wrk.method = "POST"
wrk.body = ${JSON.stringify(body)}
wrk.headers["Content-Type"] = "application/json"
request = function()
  ${uniqueKeys ? 'counter = counter + 1; wrk.headers["Idempotency-Key"] = "bench-" .. id .. "-" .. counter' : ""}
  return wrk.format(nil, ${JSON.stringify(path)})
end
`;
}

export interface WrkPostResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

function toMs(value: string, unit: string): number {
  const factor = { us: 0.001, ms: 1, s: 1000 }[unit] ?? Number.NaN;
  return Number(value) * factor;
}

export async function runWrkPost(options: { url: string; body: string; uniqueKeys: boolean; seconds: number; connections: number }): Promise<WrkPostResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url)) throw new Error("benchmarks run against loopback only");
  const dir = mkdtempSync(join(tmpdir(), "gg-wrk-"));
  const script = join(dir, "post.lua");
  const { origin, pathname } = new URL(options.url);
  writeFileSync(script, luaScript(pathname, options.body, options.uniqueKeys));
  const wrk = Bun.spawn(
    ["wrk", "-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--latency", "-s", script, origin],
    { stdout: "pipe", stderr: "pipe" },
  );
  const [output, code] = await Promise.all([new Response(wrk.stdout).text(), wrk.exited]);
  if (code !== 0) throw new Error(`wrk failed: ${await new Response(wrk.stderr).text()}`);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p50 = /50%\s+([\d.]+)(us|ms|s)/.exec(output);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  if (!rps || !p50 || !p99) throw new Error(`cannot read wrk output:\n${output}`);
  return {
    requestsPerSecond: Number(rps[1]),
    p50Ms: toMs(p50[1]!, p50[2]!),
    p99Ms: toMs(p99[1]!, p99[2]!),
    non2xx: non2xx ? Number(non2xx[1]) : 0,
  };
}
