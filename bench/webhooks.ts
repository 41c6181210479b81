/**
 * Issue 6 figures, loopback only:
 *  1. the bulk-create use case (500 licenses) in this process, without and with 10
 *     subscribed endpoints: what recording the events adds, without HTTP noise;
 *  2. POST …/licenses (count 500) on the real server, on a product without webhooks and
 *     on one with 10 endpoints on "*" (5000 deliveries per call), alternating, each call
 *     measured alone (the previous call's deliveries have all arrived);
 *  3. the worker's delivery throughput against a local receiver answering 204.
 *
 *   bun bench/webhooks.ts                      # 20 rounds, 20 000 deliveries
 *   BENCH_ROUNDS=5 BENCH_DELIVERIES=10000 BENCH_VERBOSE=1 bun bench/webhooks.ts
 */
import { startServer } from "../test/support/server-process.ts";
import { apiClient } from "../test/support/http-client.ts";
import { orgWithProduct, signUp } from "../test/support/accounts.ts";
import { median, memoryOf, timed } from "./support.ts";
import { measureUseCase } from "./webhooks-use-case.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 20_000);
const ENDPOINTS = 10;
const BATCH = 500;

const useCase = await measureUseCase(40);
console.log(
  `use case createLicenses(500), in process: no webhooks ${useCase.without.toFixed(1)} ms, 10 endpoints ${useCase.withHooks.toFixed(1)} ms, ` +
    `ratio ${(useCase.withHooks / useCase.without).toFixed(3)} (40 runs each)`,
);

let delivered = 0;
const receiver = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  async fetch(request) {
    await request.arrayBuffer();
    delivered++;
    return new Response(null, { status: 204 });
  },
});

async function deliveredAtLeast(count: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (delivered < count) {
    if (Date.now() > deadline) throw new Error(`only ${delivered} of ${count} deliveries arrived`);
    await Bun.sleep(5);
  }
}

const server = await startServer({ env: { GG_ALLOW_HTTP_WEBHOOKS: "1" } });
const api = apiClient(server.baseUrl);
try {
  const owner = await signUp(api);
  const { orgId, productId: plain } = await orgWithProduct(api, owner.token);
  const hooked = (await api("POST", "/v1/dashboard/products", { token: owner.token, body: { orgId, name: "Hooked" } })).body.data.product.id;
  for (let i = 0; i < ENDPOINTS; i++) {
    const url = `http://127.0.0.1:${receiver.port}/hooks/${i}`;
    const created = await api("POST", `/v1/dashboard/webhooks/products/${hooked}`, { token: owner.token, body: { url, events: ["*"] } });
    if (created.status !== 201) throw new Error(`endpoint: ${created.status}`);
  }
  const create = async (productId: string) => {
    const { ms, value } = await timed(() => api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count: BATCH } }));
    if (value.status !== 201) throw new Error(`bulk create failed: ${value.status}`);
    return ms;
  };

  // Warm-up (JIT, page cache, first fan-out), not measured.
  for (let i = 0; i < 2; i++) {
    await create(plain);
    await create(hooked);
  }
  await deliveredAtLeast(2 * BATCH * ENDPOINTS);

  const without: number[] = [];
  const withHooks: number[] = [];
  const ratios: number[] = [];
  const drain: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so drift in the machine's load falls on both sides.
    const expected = delivered + BATCH * ENDPOINTS;
    let plainMs: number;
    let hookedMs: number;
    if (round % 2 === 0) {
      plainMs = await create(plain);
      hookedMs = await create(hooked);
    } else {
      hookedMs = await create(hooked);
      plainMs = await create(plain);
    }
    without.push(plainMs);
    withHooks.push(hookedMs);
    ratios.push(hookedMs / plainMs);
    if (process.env.BENCH_VERBOSE) console.log(`round ${round}: plain ${plainMs.toFixed(1)} ms, hooked ${hookedMs.toFixed(1)} ms (${round % 2 ? "hooked" : "plain"} first)`);
    drain.push((await timed(() => deliveredAtLeast(expected))).ms);
    await Bun.sleep(250); // the worker writes its last outcomes: the next call is measured alone
  }
  const a = median(without);
  const b = median(withHooks);
  console.log(`bulk create ${BATCH}, no webhooks:            median ${a.toFixed(1)} ms (${ROUNDS} runs)`);
  console.log(`bulk create ${BATCH}, ${ENDPOINTS} endpoints on "*":     median ${b.toFixed(1)} ms (${ROUNDS} runs)`);
  console.log(`ratio of medians: ${(b / a).toFixed(3)}; median of per-round ratios: ${median(ratios).toFixed(3)}`);
  console.log(`after each call, its ${BATCH * ENDPOINTS} deliveries all arrived within: median ${(median(drain) / 1000).toFixed(2)} s`);

  const calls = Math.ceil(DELIVERIES / (BATCH * ENDPOINTS));
  const target = delivered + calls * BATCH * ENDPOINTS;
  const rssBefore = memoryOf(server.process.pid);
  const throughput = await timed(async () => {
    for (let i = 0; i < calls; i++) await create(hooked);
    await deliveredAtLeast(target);
  });
  const rssAfter = memoryOf(server.process.pid);
  const count = calls * BATCH * ENDPOINTS;
  console.log(
    `worker throughput: ${count} deliveries (${calls} bulk creates × ${BATCH} × ${ENDPOINTS} endpoints) in ${(throughput.ms / 1000).toFixed(2)} s = ` +
      `${Math.round(count / (throughput.ms / 1000))} deliveries/s; server RSS ${rssBefore.rssMiB.toFixed(0)} → ${rssAfter.rssMiB.toFixed(0)} MiB`,
  );
} finally {
  await server.stop();
  receiver.stop(true);
}
