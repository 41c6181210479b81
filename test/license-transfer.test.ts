import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { tenantWithLicenses } from "./support/licensing-fixtures.ts";

let server: RunningServer;
let api: Api;
beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.stop();
});

/** Export rows without the columns that legitimately differ between two products. */
function comparable(csv: string): string[] {
  return csv.trim().split("\n").slice(1).sort();
}

describe("export → import round trip through the real server", () => {
  test.each(["csv", "json"] as const)("%s: an export re-imported into an empty product reproduces the same licenses", async (format) => {
    const { owner, orgId, productId, licenses } = await tenantWithLicenses(api, 4);
    const [a, b, c] = licenses;
    await api("PATCH", `/v1/dashboard/licenses/${a!.id}`, { token: owner.token, body: { note: 'quote " comma , newline \n end', metadata: { tier: "gold", seats: [1, 2] }, maxIps: 7 } });
    await api("PATCH", `/v1/dashboard/licenses/${b!.id}`, { token: owner.token, body: { expiresAt: "2029-05-01T12:00:00.000Z", frozen: true, policy: { ipBinding: "on" } } });
    await api("POST", `/v1/dashboard/licenses/${c!.id}/revoke`, { token: owner.token });
    await api("POST", "/v1/dashboard/licenses/redeem", { token: owner.token, body: { key: c!.key, endUser: { username: "dave" } } });

    const target = await api("POST", "/v1/dashboard/products", { token: owner.token, body: { orgId, name: "Empty" } });
    const targetId = target.body.data.product.id;
    const exported = await fetch(`${server.baseUrl}/v1/dashboard/orgs/${orgId}/licenses/export?format=${format}&productId=${productId}`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(exported.status).toBe(200);
    const body = await exported.text();
    const imported =
      format === "csv"
        ? await api("POST", `/v1/dashboard/orgs/${orgId}/licenses/import?productId=${targetId}`, { token: owner.token, rawBody: body, headers: { "content-type": "text/csv" } })
        : await api("POST", `/v1/dashboard/orgs/${orgId}/licenses/import`, { token: owner.token, body: { productId: targetId, licenses: JSON.parse(body).data.licenses } });
    expect(imported.status).toBe(200);
    expect(imported.body.data).toEqual({ imported: 4 });

    const csvOf = async (id: string) =>
      (await fetch(`${server.baseUrl}/v1/dashboard/orgs/${orgId}/licenses/export?format=csv&productId=${id}`, { headers: { authorization: `Bearer ${owner.token}` } })).text();
    expect(comparable(await csvOf(targetId))).toEqual(comparable(await csvOf(productId)));
  });
});
