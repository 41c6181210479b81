import { beforeAll, describe, expect, test } from "bun:test";
import { expectError, routeTestSetup } from "../support/test-app.ts";
import { issueApiKey, withKey } from "../support/api-keys.ts";

describe("blacklists: bad input, duplicates and all-or-nothing bulk adds", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let token: string;
  let orgId: string;
  beforeAll(() => {
    ({ owner: token, orgId } = setup);
  });

  const newBase = async () => {
    const product = await api("POST", "/v1/dashboard/products", { token, body: { orgId, name: "P" } });
    return `/v1/dashboard/blacklists/products/${product.body.data.product.id}`;
  };
  const totalOf = async (base: string) => (await api("GET", base, { token })).body.data.pagination.total as number;

  test.each(["10.0.0.0/33", "1.2.3", "::g", "1.2.3.4/-1", "1.2.3.4/", "256.0.0.1", "2001:db8::/129", "fe80::1%eth0", "example.com"])(
    "IP value %p → 400 VALIDATION_ERROR with a detail, nothing written",
    async (value) => {
      const base = await newBase();
      const answer = await api("POST", base, { token, body: { type: "IP", value } });
      expectError(answer, 400, "VALIDATION_ERROR");
      expect(answer.body.error.details).toEqual([{ path: "/value", message: expect.any(String) }]);
      expect(await totalOf(base)).toBe(0);
    },
  );

  test("schema limits: unknown type, blank or 257-char HWID, 501-char reason → 400", async () => {
    const base = await newBase();
    for (const body of [
      { type: "MAC", value: "x" },
      { type: "HWID", value: "" },
      { type: "HWID", value: "   " },
      { type: "HWID", value: "h".repeat(257) },
      { type: "HWID", value: "ok", reason: "r".repeat(501) },
      { value: "no-type" },
    ]) {
      expectError(await api("POST", base, { token, body }), 400, "VALIDATION_ERROR");
    }
    expect((await api("POST", base, { token, body: { type: "HWID", value: "h".repeat(256), reason: "r".repeat(500) } })).status).toBe(201);
  });

  test("the same entry twice is 409 CONFLICT, also when spelled differently", async () => {
    const base = await newBase();
    expect((await api("POST", base, { token, body: { type: "IP", value: "10.0.0.0/8" } })).status).toBe(201);
    expectError(await api("POST", base, { token, body: { type: "IP", value: "10.9.9.9/8" } }), 409, "CONFLICT");
    expect((await api("POST", base, { token, body: { type: "IP", value: "2001:db8::1" } })).status).toBe(201);
    expectError(await api("POST", base, { token, body: { type: "IP", value: "2001:0db8:0:0::1/128" } }), 409, "CONFLICT");
    expect(await totalOf(base)).toBe(2);
  });

  test("bulk: one bad value → 400 naming it, nothing written", async () => {
    const base = await newBase();
    const answer = await api("POST", `${base}/bulk`, {
      token,
      body: { entries: [{ type: "HWID", value: "a" }, { type: "IP", value: "10.0.0.0/33" }, { type: "IP", value: "1.1.1.1" }] },
    });
    expectError(answer, 400, "VALIDATION_ERROR");
    expect(answer.body.error.details).toEqual([{ path: "/entries/1/value", message: expect.any(String) }]);
    expect(await totalOf(base)).toBe(0);
  });

  test("bulk: one entry already listed → 409 naming it, nothing written", async () => {
    const base = await newBase();
    await api("POST", base, { token, body: { type: "HWID", value: "known" } });
    const answer = await api("POST", `${base}/bulk`, {
      token,
      body: { entries: [{ type: "HWID", value: "new-1" }, { type: "HWID", value: "new-2" }, { type: "HWID", value: "known" }] },
    });
    expectError(answer, 409, "CONFLICT");
    expect(answer.body.error.details).toEqual([{ path: "/entries/2", message: expect.any(String) }]);
    expect(await totalOf(base)).toBe(1);
  });

  test("bulk: the same entry twice in one request → 409, nothing written", async () => {
    const base = await newBase();
    const answer = await api("POST", `${base}/bulk`, {
      token,
      body: { entries: [{ type: "IP", value: "1.2.3.4" }, { type: "HWID", value: "x" }, { type: "IP", value: "1.2.3.4/32" }] },
    });
    expectError(answer, 409, "CONFLICT");
    expect(answer.body.error.details).toEqual([{ path: "/entries/2", message: expect.stringContaining("/entries/0") }]);
    expect(await totalOf(base)).toBe(0);
  });

  test("bulk: 1000 entries are accepted, 1001 or none are 400", async () => {
    const base = await newBase();
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ type: "HWID", value: `hw-${i}` }));
    expectError(await api("POST", `${base}/bulk`, { token, body: { entries: entries(1001) } }), 400, "VALIDATION_ERROR");
    expectError(await api("POST", `${base}/bulk`, { token, body: { entries: [] } }), 400, "VALIDATION_ERROR");
    expect(await totalOf(base)).toBe(0);
    const ok = await api("POST", `${base}/bulk`, { token, body: { entries: entries(1000) } });
    expect(ok.status).toBe(201);
    expect(await totalOf(base)).toBe(1000);
  });

  test("list filters and paging are validated on both families", async () => {
    const base = await newBase();
    const productId = base.split("/").at(-1)!;
    const { key } = await issueApiKey(api, token, productId, ["blacklist:read"]);
    for (const query of ["type=MAC", "type=ip", "pageSize=201", "pageSize=0", "page=0"]) {
      expectError(await api("GET", `${base}?${query}`, { token }), 400, "VALIDATION_ERROR");
      expectError(await api("GET", `/v1/products/${productId}/blacklists?${query}`, withKey(key)), 400, "VALIDATION_ERROR");
    }
  });

  test("deleting an unknown entry, or one of another product, is 404 and deletes nothing", async () => {
    const baseA = await newBase();
    const baseB = await newBase();
    const entry = (await api("POST", baseA, { token, body: { type: "HWID", value: "keep" } })).body.data.entry;
    expectError(await api("DELETE", `${baseB}/${entry.id}`, { token }), 404, "NOT_FOUND");
    expectError(await api("DELETE", `${baseA}/0190a0b0-0000-7000-8000-000000000000`, { token }), 404, "NOT_FOUND");
    expectError(await api("DELETE", `${baseA}/not-a-uuid`, { token }), 400, "VALIDATION_ERROR");
    expect(await totalOf(baseA)).toBe(1);
  });
});
