import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import fc from "fast-check";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { routeSpecs, type RouteSpec } from "../support/route-schemas.ts";
import { routeRequest, tenantWithEveryScope, type Tenant } from "../support/route-requests.ts";
import { databaseDigest } from "../support/database-digest.ts";
import { headerValue, queryValueFor, valueFor, type IdPool } from "../support/schema-arbitraries.ts";
import { signedHeaders } from "../support/signed-authorize.ts";
import { Value } from "@sinclair/typebox/value";
import type { TSchema } from "@sinclair/typebox";
import { answerSchemas } from "../support/answer-schemas.ts";

/**
 * Property-based fuzzing over the route schemas (test/README.md): random and boundary
 * bodies, queries, path parameters and headers for every route. Invariants: never a 5xx,
 * never a stack trace or SQL in an answer, a refused request (4xx) changes no row of
 * any table, and every answer is one docs/openapi.json declares for the operation (its
 * success status, or an error code it lists). Fixed seed; `FUZZ_RUNS` and `FUZZ_SEED` scale it up for a nightly run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
/** Longer than the authorize write-behind's flush interval. */
const WRITE_BEHIND_SETTLE_MS = 700;
/** Stack frames, driver and SQL text that must never reach a client. */
const LEAKS = /\n\s+at |\.ts:\d+|node_modules|SQLITE_|LibsqlError|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.*\bSET\b/;

interface Case {
  spec: RouteSpec;
  body: unknown;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
}

/** Drops the keys fast-check left out (optional record keys come back as absent or undefined). */
const present = (record: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined));

describe("fuzzing every route", () => {
  let t: TestApp;
  let tenant: Tenant;
  let specs: RouteSpec[];
  let licenseKey: string;
  const pool: IdPool = { ids: [] };
  let answers: Map<string, TSchema>;
  beforeAll(async () => {
    t = await openTestApp();
    answers = answerSchemas(t.context);
    tenant = await tenantWithEveryScope(t);
    // Licenses at the edges of the date rules, whose ids the fuzzer draws for id fields.
    const licenseIds: string[] = [];
    for (const body of [{ note: "seed" }, { expiresAt: "9999-12-30T00:00:00.000Z" }, { durationDays: 36500 }]) {
      const created = await t.api("POST", `/v1/products/${tenant.productId}/licenses`, { headers: { "x-api-key": tenant.apiKey }, body });
      licenseIds.push(created.body.data.licenses[0].id);
      licenseKey ??= created.body.data.licenses[0].key;
    }
    pool.ids.push(tenant.orgId, tenant.productId, ...licenseIds);
    specs = (await routeSpecs(t)).filter((spec) => spec.credential !== "metrics");
  });
  afterAll(() => t.close());

  function caseFor(spec: RouteSpec): fc.Arbitrary<Case> {
    const query = fc.record(Object.fromEntries(spec.query.map((q) => [q.name, queryValueFor(q.schema, pool)])), { requiredKeys: [] });
    // Path ids: often the tenant's own (undefined: fillPath's default, or drawn from the pool), sometimes anything.
    // DELETE routes never get the tenant's ids: deleting the org would leave nothing to fuzz.
    const params = fc.record(
      Object.fromEntries(spec.params.map((p) => [p.name, spec.method === "DELETE" ? fc.oneof(fc.uuid(), queryValueFor(p.schema)) : fc.oneof(fc.constant(undefined), queryValueFor(p.schema, pool))])),
      { requiredKeys: spec.method === "DELETE" ? spec.params.map((p) => p.name) : [] },
    );
    const headers = fc.record({ "idempotency-key": headerValue, "x-gg-nonce": headerValue }, { requiredKeys: [] });
    const body = spec.credential === "signed" ? fc.oneof(valueFor(spec.body), fc.record({ licenseKey: fc.constant(licenseKey), hwid: valueFor(undefined) })) : valueFor(spec.body, pool);
    return fc.record({ spec: fc.constant(spec), body, query, params, headers });
  }

  function requestOf(c: Case): Request {
    if (c.spec.credential !== "signed") return routeRequest(c.spec, tenant, { body: c.body, query: present(c.query), params: present(c.params), headers: present(c.headers) });
    // Signed routes: a correctly signed request, so the fuzzed body reaches the parser.
    const raw = JSON.stringify(c.body) ?? "null";
    // Each signed route (authorize, release) at its own path, which its signature covers.
    const signed = signedHeaders(tenant.apiKey, raw, { path: c.spec.path });
    return new Request(`http://localhost${c.spec.path}`, { method: "POST", headers: { ...signed, ...(c.headers["idempotency-key"] ? { "idempotency-key": c.headers["idempotency-key"] } : {}) }, body: raw });
  }

  test(`never a 5xx, never a leak, a refused request changes nothing (${RUNS} runs, seed ${SEED})`, async () => {
    let digest = await databaseDigest(t);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...specs.map(caseFor)), async (c) => {
        const response = await t.handle(requestOf(c));
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const label = `${c.spec.method} ${c.spec.path}`;
        expect({ label, status: response.status < 500 ? "below 500" : response.status }).toEqual({ label, status: "below 500" });
        expect({ label, leak: LEAKS.exec(text)?.[0] ?? null }).toEqual({ label, leak: null });
        // The answer is one the OpenAPI document declares for this operation: its success status, or a listed code.
        const code = response.status >= 400 ? (JSON.parse(text) as { error?: { code?: string } }).error?.code : undefined;
        if (code !== undefined) expect({ label, code, declared: c.spec.errorCodes.includes(code) }).toEqual({ label, code, declared: true });
        else {
          expect({ label, status: response.status }).toEqual({ label, status: c.spec.successStatus });
          // …with the `data` shape it declares (an empty path id makes the URL another route's, e.g. the list's).
          const schema = Object.values(c.params).includes("") ? undefined : answers.get(label);
          if (schema !== undefined && response.headers.get("content-type")?.startsWith("application/json")) {
            const errors = [...Value.Errors(schema, (JSON.parse(text) as { data: unknown }).data)].map((e) => `${e.path} ${e.message}`);
            expect({ label, errors }).toEqual({ label, errors: [] });
          }
        }
        const after = await databaseDigest(t);
        if (response.status >= 400) expect({ label, status: response.status, changed: after !== digest }).toEqual({ label, status: response.status, changed: false });
        // A change that was accepted must leave the tenant's data readable.
        if (after !== digest) {
          for (const path of [`/v1/dashboard/orgs/${tenant.orgId}/licenses?pageSize=1000`, `/v1/dashboard/orgs/${tenant.orgId}/licenses/export?format=json`]) {
            const read = await t.handle(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${tenant.token}` } }));
            expect({ label, after: path, status: read.status }).toEqual({ label, after: path, status: 200 });
            await read.arrayBuffer();
          }
        }
        digest = after;
        // An accepted authorize leaves heartbeat and last-seen writes to the write-behind,
        // which lands within its flush interval (500 ms, docs/authorize.md): let it land
        // before the next request's "refused changes nothing" comparison.
        if (c.spec.credential === "signed" && response.status < 300) {
          await Bun.sleep(WRITE_BEHIND_SETTLE_MS);
          digest = await databaseDigest(t);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The fuzzer must get past validation sometimes, or it only tests the schema check.
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
    expect(t.logs.filter((line) => line.level === "error")).toEqual([]);
  }, Math.max(60_000, RUNS * 100));
});
