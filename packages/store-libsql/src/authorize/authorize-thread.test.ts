import { expect, test } from "bun:test";
import { startAuthorizeThread } from "./authorize-thread.ts";

test("a thread that dies fails the calls it held and every later one at once, and stop() still returns", async () => {
  const failures: string[] = [];
  const thread = await startAuthorizeThread({
    workerUrl: new URL("../testing/crashing-authorize-worker.ts", import.meta.url).href,
    path: ":memory:",
    synchronous: "normal",
    busyTimeoutMs: 100,
    flushIntervalMs: 500,
    sharedState: "memory",
    rateLimits: {},
    onError: (what) => failures.push(what),
  });
  const request = { headers: {}, pathWithQuery: "/v1/licenses/authorize", body: { text: "{}" }, clientIp: "127.0.0.1" };
  await expect(thread.answer(request)).rejects.toThrow("authorize thread failed");
  expect(failures).toEqual(["thread"]);
  await expect(thread.answer(request)).rejects.toThrow("authorize thread failed");
  await expect(thread.rateLimits.consume("key:x", { limit: 1, periodMs: 60_000 }, Date.now())).rejects.toThrow("authorize thread failed");
  await thread.stop();
});
