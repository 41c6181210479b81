/**
 * Issue 7 figure: what the per-request log line, X-Request-Id and metrics sample cost.
 *
 *   bun bench/request-observability.ts
 *
 * The same tiny Elysia app (a JSON GET and a POST that returns a ready Response, like
 * authorize) is driven through `app.handle` without the hooks, with request ids + metrics
 * only (GG_LOG_LEVEL=warn), and with the JSON log line too, written by the server's own
 * logger to a pipe that a parent process drains (as a container runtime would). The
 * difference per request is the cost; the full authorize figure is in bench/authorize.ts.
 */
import { Elysia } from "elysia";
import { HttpMetrics, requestObservability } from "@geckoguard/elysia";
import { silentLogger } from "@geckoguard/core";
import { jsonLogger } from "@geckoguard/runtime";
import { median } from "./support.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const ROUNDS = 5;

function app(variant: "bare" | "metrics" | "metrics+log") {
  const base = new Elysia();
  const observed =
    variant === "bare" ? base : base.use(requestObservability({ logger: variant === "metrics" ? silentLogger : jsonLogger({ infoTo: "stdout" }), metrics: new HttpMetrics(), log: variant === "metrics+log" }));
  return observed
    .get("/v1/things/:id", ({ params }) => ({ ok: true, data: { id: params.id } }))
    .post("/v1/licenses/authorize", () => new Response('{"ok":true,"data":{"valid":true}}', { headers: { "content-type": "application/json" } }));
}

async function microsPerRequest(variant: "bare" | "metrics" | "metrics+log"): Promise<number> {
  const target = app(variant);
  const get = new Request("http://localhost/v1/things/123");
  const post = () => new Request("http://localhost/v1/licenses/authorize", { method: "POST", body: "{}" });
  const start = performance.now();
  for (let i = 0; i < REQUESTS; i++) await target.handle(i % 2 === 0 ? get.clone() : post());
  await new Promise((resolve) => setImmediate(resolve)); // the last after-response hooks
  return ((performance.now() - start) * 1000) / REQUESTS;
}

if (process.argv[2] === "--child") {
  const results: Record<string, number[]> = { bare: [], metrics: [], "metrics+log": [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of ["bare", "metrics", "metrics+log"] as const) results[variant]!.push(await microsPerRequest(variant));
  }
  const bare = median(results.bare!);
  const line = (name: string) => `${name.padEnd(12)}: ${median(results[name]!).toFixed(2)} µs/request (+${(median(results[name]!) - bare).toFixed(2)} µs)`;
  process.stderr.write(`${REQUESTS} requests × ${ROUNDS} rounds, medians\n${line("bare")}\n${line("metrics")}\n${line("metrics+log")}\n`);
} else {
  const child = Bun.spawn([process.execPath, import.meta.path, "--child"], { stdout: "pipe", stderr: "inherit" });
  let bytes = 0;
  const reader = child.stdout.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
  await child.exited;
  console.log(`log output drained: ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
}
