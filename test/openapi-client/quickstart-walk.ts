import { createHash, createHmac, randomBytes } from "node:crypto";
import createClient from "openapi-fetch";
import type { paths } from "../../apps/dashboard/src/api/schema.d.ts";

/** What the authorize route takes, as the generated types say (the SDK signs and sends it). */
export type AuthorizeBody = NonNullable<paths["/v1/licenses/authorize"]["post"]["requestBody"]>["content"]["application/json"];

/** The answer's data, or the error envelope as a thrown error: each step needs the one before. */
function dataOf<T>(result: { data?: { ok: true; data: T }; error?: unknown }): T {
  if (result.data === undefined) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data.data;
}

/**
 * docs/quickstart.md's calls through a client typed by the document alone
 * (apps/dashboard/src/api/schema.d.ts): register, log in, create an org and a product,
 * issue a license, create an API key, check it, issue a license with it, and a signed
 * authorize. `bun run typecheck` covers this file, so a document that no longer
 * describes the quickstart fails it; openapi-client.test.ts runs it against a server.
 */
export async function quickstartWalk(baseUrl: string) {
  const api = createClient<paths>({ baseUrl });
  const email = `walk-${randomBytes(4).toString("hex")}@example.com`;
  const password = "correct horse battery staple";

  const { user } = dataOf(await api.POST("/v1/auth/register", { body: { email, password, name: "Walk" } }));
  const login = dataOf(await api.POST("/v1/auth/login", { body: { email, password } }));
  if ("twoFactorRequired" in login) throw new Error("a new account has no 2FA");
  const headers = { authorization: `Bearer ${login.accessToken}` };

  const me = dataOf(await api.GET("/v1/dashboard/me", { headers }));
  const { org } = dataOf(await api.POST("/v1/dashboard/orgs", { headers, body: { name: "Walk Org" } }));
  const { product } = dataOf(await api.POST("/v1/dashboard/products", { headers, body: { name: "Walk App", orgId: org.id } }));
  const { orgs } = dataOf(await api.GET("/v1/dashboard/orgs", { headers }));
  const { products } = dataOf(await api.GET("/v1/dashboard/orgs/{orgId}/products", { headers, params: { path: { orgId: org.id } } }));

  const created = dataOf(
    await api.POST("/v1/dashboard/orgs/{orgId}/licenses", { headers, params: { path: { orgId: org.id } }, body: { productId: product.id, durationDays: 30, count: 1 } }),
  );
  const license = created.licenses[0]!;
  const pair = dataOf(await api.POST("/v1/auth/refresh", { body: { refreshToken: login.refreshToken } }));

  const refreshed = { authorization: `Bearer ${pair.accessToken}` };
  const issued = dataOf(
    await api.POST("/v1/dashboard/api-keys", { headers: refreshed, body: { productId: product.id, name: "licensing bot", permissions: ["license:read", "license:create", "license:authorize"] } }),
  );
  const keyHeaders = { "x-api-key": issued.key };
  const whoami = dataOf(await api.GET("/v1/whoami", { headers: keyHeaders }));
  const byKey = dataOf(
    await api.POST("/v1/products/{productId}/licenses", { headers: keyHeaders, params: { path: { productId: product.id } }, body: { durationDays: 365, note: "order 1043" } }),
  );
  const listed = dataOf(await api.GET("/v1/products/{productId}/licenses", { headers: keyHeaders, params: { path: { productId: product.id }, query: { pageSize: 10 } } }));

  const authorized = await authorize(baseUrl, issued.key, { licenseKey: license.key, hwid: "walk-machine-1" });
  return { user, me, org, orgs, product, products, license, pair, apiKey: issued.apiKey, whoami, byKey, listed, authorized };
}

/** POST /v1/licenses/authorize signed as docs/authentication.md describes; the body is typed by the document. */
async function authorize(baseUrl: string, apiKey: string, body: AuthorizeBody) {
  const path = "/v1/licenses/authorize";
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString("hex");
  const canonical = [timestamp, nonce, "POST", path, createHash("sha256").update(raw).digest("hex")].join("\n");
  const signature = createHmac("sha256", apiKey).update(canonical).digest("hex");
  const response = await fetch(baseUrl + path, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": apiKey, "x-gg-timestamp": timestamp, "x-gg-nonce": nonce, "x-gg-signature": signature },
    body: raw,
  });
  type Answer = paths[typeof path]["post"]["responses"][200]["content"]["application/json"];
  return { status: response.status, answer: (await response.json()) as Answer };
}
