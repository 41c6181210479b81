import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { bodyWithSkeleton, routeSpecs, stringBranch, stringFields, type RouteSpec } from "../support/route-schemas.ts";
import { routeRequest, tenantWithEveryScope, type Tenant } from "../support/route-requests.ts";
import { signedHeaders } from "../support/signed-authorize.ts";

/**
 * A NUL (or any other C0 control character) in any string the API accepts is a 400
 * VALIDATION_ERROR naming the field (docs/errors.md, "Text rules"). The cases come from
 * the app's own route schemas: a new route or field is covered without editing this file.
 */
describe("control characters in strings", () => {
  let t: TestApp;
  let tenant: Tenant;
  let specs: RouteSpec[];
  beforeAll(async () => {
    t = await openTestApp();
    tenant = await tenantWithEveryScope(t);
    // Signed authorize and the streamed import have their own tests below and beside them.
    specs = (await routeSpecs(t)).filter((spec) => spec.credential !== "signed" && spec.credential !== "metrics");
  });
  afterAll(() => t.close());

  async function expectRefused(spec: RouteSpec, request: Request, path: string): Promise<void> {
    const response = await t.handle(request);
    const body = (await response.json()) as { error?: { code?: string; details?: { path: string }[] } };
    const label = `${spec.method} ${spec.path} ${path}`;
    expect({ label, status: response.status, code: body.error?.code }).toEqual({ label, status: 400, code: "VALIDATION_ERROR" });
    expect({ label, paths: body.error?.details?.map((d) => d.path) }).toEqual({ label, paths: expect.arrayContaining([path]) });
  }

  test("the route table has string fields to check in every family", () => {
    const withStrings = specs.filter((spec) => stringFields(spec.body).length > 0 || spec.query.some((q) => stringBranch(q.schema)));
    const families = new Set(withStrings.map((spec) => spec.path.split("/").slice(0, 4).join("/")));
    expect(families).toContain("/v1/auth/register");
    expect([...families].some((f) => f.startsWith("/v1/dashboard"))).toBe(true);
    expect([...families].some((f) => f.startsWith("/v1/products"))).toBe(true);
    expect(withStrings.length).toBeGreaterThan(30);
  });

  test("a NUL in every string field of every JSON body", async () => {
    let checked = 0;
    for (const spec of specs) {
      for (const pointer of stringFields(spec.body)) {
        await expectRefused(spec, routeRequest(spec, tenant, { body: bodyWithSkeleton(spec.body, pointer, "ok\u0000zz") }), pointer);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  test("a NUL in every string query parameter", async () => {
    for (const spec of specs) {
      for (const param of spec.query.filter((q) => stringBranch(q.schema))) {
        await expectRefused(spec, routeRequest(spec, tenant, { query: { [param.name]: "ok\u0000zz" } }), `/${param.name}`);
      }
    }
  });

  test("a NUL in every path parameter", async () => {
    for (const spec of specs) {
      for (const param of spec.params) {
        await expectRefused(spec, routeRequest(spec, tenant, { params: { [param.name]: "ok\u0000zz" } }), `/${param.name}`);
      }
    }
  });

  test("other control characters: refused in names and emails, TAB/LF/CR kept in free text", async () => {
    const register = specs.find((s) => s.path === "/v1/auth/register")!;
    for (const control of ["\u0001", "\u001b", "\u007f", "\t", "\n"]) {
      const body = { email: `a${control}b@example.com`, password: "correct horse battery" };
      await expectRefused(register, routeRequest(register, tenant, { body }), "/email");
    }
    const create = specs.find((s) => s.method === "POST" && s.path === "/v1/products/{productId}/licenses")!;
    const kept = await t.handle(routeRequest(create, tenant, { body: { note: "line one\r\n\tline two" } }));
    expect(kept.status).toBe(201);
    expect(((await kept.json()) as any).data.licenses[0].note).toBe("line one\r\n\tline two");
    await expectRefused(create, routeRequest(create, tenant, { body: { note: "bell\u0007" } }), "/note");
    // The key is refused; the detail's path is the offending key under /metadata.
    const badKey = await t.handle(routeRequest(create, tenant, { body: { metadata: { "k\u0000": 1 } } }));
    expect(badKey.status).toBe(400);
    expect(((await badKey.json()) as any).error.details[0].path).toStartWith("/metadata");
  });

  test("the reason says what is wrong without quoting a pattern or the value", async () => {
    const register = specs.find((s) => s.path === "/v1/auth/register")!;
    const response = await t.handle(routeRequest(register, tenant, { body: { email: "a@example.com\u0000zz", password: "correct horse battery" } }));
    const text = await response.text();
    expect(JSON.parse(text).error.details).toContainEqual({ path: "/email", message: "Control characters are not allowed here" });
    expect(text).not.toContain("zz");
  });

  test("headers that reach storage: Idempotency-Key with a control character", async () => {
    const create = specs.find((s) => s.method === "POST" && s.path === "/v1/products/{productId}/licenses")!;
    const before = await t.count("licenses");
    const response = await t.handle(routeRequest(create, tenant, { body: {}, headers: { "idempotency-key": "key\u0001one" } }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.details.map((d: { path: string }) => d.path)).toContain("headers/idempotency-key");
    expect(await t.count("licenses")).toBe(before);
  });

  test("authorize: a hwid with a NUL is a 400 naming /hwid and binds nothing", async () => {
    const created = await t.api("POST", `/v1/products/${tenant.productId}/licenses`, { headers: { "x-api-key": tenant.apiKey }, body: {} });
    const key = created.body.data.licenses[0].key as string;
    for (const body of [{ licenseKey: key, hwid: "hw\u0000x" }, { licenseKey: `${key}\u0000`, hwid: "hw" }, { licenseKey: key, hwid: "hw", appVersion: "1.0\u001b" }]) {
      const raw = JSON.stringify(body);
      const response = await t.handle(new Request("http://localhost/v1/licenses/authorize", { method: "POST", headers: signedHeaders(tenant.apiKey, raw), body: raw }));
      const answer = (await response.json()) as any;
      expect({ status: response.status, code: answer.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
      expect(answer.error.details[0].message).toBe("Control characters are not allowed here");
    }
    // X-GG-Nonce is stored (replay protection): a control character in it is refused too.
    const raw = JSON.stringify({ licenseKey: key, hwid: "hw" });
    const badNonce = await t.handle(new Request("http://localhost/v1/licenses/authorize", { method: "POST", headers: signedHeaders(tenant.apiKey, raw, { nonce: "nonce\u0001nonce\u0001nonce" }), body: raw }));
    expect({ status: badNonce.status, code: ((await badNonce.json()) as any).error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    const license = (await t.api("GET", `/v1/products/${tenant.productId}/licenses/${created.body.data.licenses[0].id}`, { headers: { "x-api-key": tenant.apiKey } })).body.data.license;
    expect(license.hwids).toEqual([]);
  });

  test("imports: a NUL in a CSV or JSON row is refused with the row and field, nothing imported", async () => {
    const before = await t.count("licenses");
    const url = `http://localhost/v1/dashboard/orgs/${tenant.orgId}/licenses/import?productId=${tenant.productId}`;
    const auth = { authorization: `Bearer ${tenant.token}` };
    const json = await t.handle(new Request(url, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ licenses: [{ key: "IMPORT-OK-0001" }, { key: "IMPORT-NUL-0002", hwids: ["hw\u0000x"] }] }),
    }));
    const jsonAnswer = (await json.json()) as any;
    expect({ status: json.status, code: jsonAnswer.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect(jsonAnswer.error.details).toContainEqual({ path: "row 2 /hwids/0", message: "Control characters are not allowed here" });
    const csv = await t.handle(new Request(url, {
      method: "POST",
      headers: { ...auth, "content-type": "text/csv" },
      body: "key,note\nIMPORT-OK-0003,fine\nIMPORT-NUL-0004,bad\u0000note\n",
    }));
    const csvAnswer = (await csv.json()) as any;
    expect({ status: csv.status, code: csvAnswer.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect(csvAnswer.error.details.map((d: { path: string }) => d.path)).toContain("row 3 /note") // row 1 is the header;
    expect(await t.count("licenses")).toBe(before);
  });
});
