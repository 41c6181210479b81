import { describe, expect, test } from "bun:test";
import { manualClock } from "../clock.ts";
import { GgError } from "../errors/gg-error.ts";
import type { IdempotencyStore } from "../ports/idempotency.ts";
import { createIdempotency, IDEMPOTENCY_RETENTION_MS, type IdempotentRequest } from "./idempotency.ts";
import { inProcessIdempotencyStore } from "./in-process-store.ts";

const T0 = 1_800_000_000_000;

function setup(store: IdempotencyStore = inProcessIdempotencyStore()) {
  const clock = manualClock(T0);
  return { clock, idempotency: createIdempotency({ store, clock, fingerprintSecret: "test-secret" }) };
}

const request = (overrides: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
  scope: "user:u1",
  key: "order-1",
  method: "POST",
  path: "/v1/dashboard/orgs",
  body: '{"name":"Acme"}',
  ...overrides,
});

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof GgError ? error.code : "NOT_A_GG_ERROR"),
  );
}

describe("idempotency", () => {
  test("the first request runs; the same request again replays its status and body", async () => {
    const { idempotency } = setup();
    const first = await idempotency.start(request());
    expect(first.kind).toBe("proceed");
    if (first.kind !== "proceed") return;
    await idempotency.finish(first.claim, { status: 201, body: { ok: true, data: { id: 1 } } });
    expect(await idempotency.start(request())).toEqual({ kind: "replay", response: { status: 201, body: { ok: true, data: { id: 1 } } } });
  });

  test("a 4xx answer is kept too: the retry sees the same refusal", async () => {
    const { idempotency } = setup();
    const first = await idempotency.start(request());
    if (first.kind === "proceed") await idempotency.finish(first.claim, { status: 409, body: { ok: false } });
    expect(await idempotency.start(request())).toMatchObject({ kind: "replay", response: { status: 409 } });
  });

  test("another body, path or method under a used key is IDEMPOTENCY_KEY_REUSE, finished or not", async () => {
    const { idempotency } = setup();
    const first = await idempotency.start(request());
    expect(await codeOf(idempotency.start(request({ body: '{"name":"Other"}' })))).toBe("IDEMPOTENCY_KEY_REUSE");
    if (first.kind === "proceed") await idempotency.finish(first.claim, { status: 201, body: {} });
    expect(await codeOf(idempotency.start(request({ body: '{"name": "Acme"}' })))).toBe("IDEMPOTENCY_KEY_REUSE");
    expect(await codeOf(idempotency.start(request({ path: "/v1/dashboard/products" })))).toBe("IDEMPOTENCY_KEY_REUSE");
    expect(await codeOf(idempotency.start(request({ method: "PATCH" })))).toBe("IDEMPOTENCY_KEY_REUSE");
  });

  test("the same request while the first still runs is IDEMPOTENCY_KEY_IN_PROGRESS", async () => {
    const { idempotency } = setup();
    await idempotency.start(request());
    expect(await codeOf(idempotency.start(request()))).toBe("IDEMPOTENCY_KEY_IN_PROGRESS");
  });

  test("a 5xx answer, or one that cannot be kept, releases the key so a retry runs again", async () => {
    const { idempotency } = setup();
    for (const response of [{ status: 500, body: {} }, { status: 503, body: {} }, null]) {
      const attempt = await idempotency.start(request());
      expect(attempt.kind).toBe("proceed");
      if (attempt.kind === "proceed") await idempotency.finish(attempt.claim, response);
    }
    expect((await idempotency.start(request())).kind).toBe("proceed");
  });

  test("keys are scoped to the credential", async () => {
    const { idempotency } = setup();
    await idempotency.start(request());
    expect((await idempotency.start(request({ scope: "user:u2", body: "{}" }))).kind).toBe("proceed");
  });

  test("a key replays for 24 hours, then is free again", async () => {
    const { idempotency, clock } = setup();
    const first = await idempotency.start(request());
    if (first.kind === "proceed") await idempotency.finish(first.claim, { status: 201, body: {} });
    clock.advance(IDEMPOTENCY_RETENTION_MS - 1);
    expect((await idempotency.start(request())).kind).toBe("replay");
    clock.advance(1);
    expect((await idempotency.start(request({ body: "{}" }))).kind).toBe("proceed");
  });

  test("keys longer than 255 characters, empty or not printable ASCII are VALIDATION_ERROR", async () => {
    const { idempotency } = setup();
    expect(await codeOf(idempotency.start(request({ key: "k".repeat(256) })))).toBe("VALIDATION_ERROR");
    expect(await codeOf(idempotency.start(request({ key: "" })))).toBe("VALIDATION_ERROR");
    expect(await codeOf(idempotency.start(request({ key: "clé" })))).toBe("VALIDATION_ERROR");
    expect(await codeOf(idempotency.start(request({ key: "k".repeat(255) })))).toBeNull();
  });

  test("expired records are purged every ten minutes, on the way of a keyed request", async () => {
    const inner = inProcessIdempotencyStore();
    const purges: number[] = [];
    const { idempotency, clock } = setup({ ...inner, purgeExpired: (now) => (purges.push(now), inner.purgeExpired(now)) });
    await idempotency.start(request({ key: "a" }));
    clock.advance(9 * 60_000);
    await idempotency.start(request({ key: "b" }));
    expect(purges).toEqual([]);
    clock.advance(60_000);
    await idempotency.start(request({ key: "c" }));
    expect(purges).toEqual([T0 + 10 * 60_000]);
  });

  test("fingerprints depend on the secret, so the database alone cannot confirm a guessed body", async () => {
    const clock = manualClock(T0);
    const seen: string[] = [];
    const spy: IdempotencyStore = { ...inProcessIdempotencyStore(), begin: async (_id, c) => (seen.push(c.fingerprint), { state: "claimed" }) };
    for (const fingerprintSecret of ["one", "two"]) await createIdempotency({ store: spy, clock, fingerprintSecret }).start(request());
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(seen[0]).not.toBe(seen[1]);
  });
});
