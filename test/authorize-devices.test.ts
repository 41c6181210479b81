import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";

let server: RunningServer;
let api: Api;
beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.stop();
});

type Fixture = Awaited<ReturnType<typeof authorizeFixture>>;
const licenseOf = async (f: Fixture) => (await api("GET", `/v1/dashboard/licenses/${f.licenses[0]!.id}`, { token: f.owner.token })).body.data.license;

describe("bound devices", () => {
  test("a bound HWID is listed in `devices` with the name and platform the SDK reported and when it was first and last seen", async () => {
    const f = await authorizeFixture(api, { hwidBinding: "on", maxHwids: 2 });
    const before = Date.now();
    const first = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-1", deviceName: "Ada's laptop", devicePlatform: "linux-x64" });
    expect(first.status).toBe(200);
    await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-2" });
    const license = await licenseOf(f);
    expect(license.hwids).toEqual(["machine-1", "machine-2"]);
    expect(license.devices).toMatchObject([
      { hwid: "machine-1", name: "Ada's laptop", platform: "linux-x64" },
      { hwid: "machine-2", name: null, platform: null },
    ]);
    const exported = await fetch(`${server.baseUrl}/v1/dashboard/orgs/${f.orgId}/licenses/export?format=json&productId=${f.productId}`, {
      headers: { authorization: `Bearer ${f.owner.token}` },
    });
    const [item] = ((await exported.json()) as { data: { licenses: Record<string, unknown>[] } }).data.licenses;
    expect([item!.hwids, "devices" in item!]).toEqual([["machine-1", "machine-2"], false]); // the export's format is unchanged
    const seen = Date.parse(license.devices[0].firstSeenAt);
    expect(seen).toBeGreaterThanOrEqual(before - 1000);
    expect(license.devices[0].lastSeenAt).toBe(license.devices[0].firstSeenAt);
  });

  test("a new name or platform reported by a bound machine is stored by the write-behind", async () => {
    const f = await authorizeFixture(api, { hwidBinding: "on" });
    await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-1", deviceName: "old name" });
    const renamed = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-1", devicePlatform: "darwin-arm64", deviceName: "new name" });
    expect(renamed.status).toBe(200);
    await Bun.sleep(1500); // batched writes are flushed within a second
    const license = await licenseOf(f);
    expect(license.devices).toMatchObject([{ hwid: "machine-1", name: "new name", platform: "darwin-arm64" }]);
    // The bind changed the license: its updatedAt followed with the same flush.
    expect(Date.parse(license.updatedAt)).toBeGreaterThanOrEqual(Date.parse(license.devices[0].firstSeenAt));
  });

  test("bad device labels: 400 naming the field, nothing bound", async () => {
    const f = await authorizeFixture(api, { hwidBinding: "on" });
    const cases: [string, object][] = [
      ["/deviceName", { deviceName: "line\nbreak" }],
      ["/deviceName", { deviceName: "n".repeat(101) }],
      ["/deviceName", { deviceName: "" }],
      ["/devicePlatform", { devicePlatform: "nul\u0000" }],
      ["/devicePlatform", { devicePlatform: 42 }],
      ["/devicePlatform", { devicePlatform: "p".repeat(65) }],
    ];
    for (const [path, extra] of cases) {
      const answer = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-1", ...extra });
      expect([path, answer.status, answer.body.error?.code]).toEqual([path, 400, "VALIDATION_ERROR"]);
      expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const license = await licenseOf(f);
    expect([license.hwids, license.devices]).toEqual([[], []]);
  });

  test("reset-hwid clears the devices with the HWIDs; the next machine binds as new", async () => {
    const f = await authorizeFixture(api, { hwidBinding: "on" });
    await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-1", deviceName: "first" });
    const reset = await api("POST", `/v1/dashboard/licenses/${f.licenses[0]!.id}/reset-hwid`, { token: f.owner.token });
    expect(reset.status).toBe(200);
    expect(reset.body.data.license).toMatchObject({ hwids: [], devices: [] });
    expect((await licenseOf(f)).devices).toEqual([]);
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-2" })).status).toBe(200);
    expect((await licenseOf(f)).devices).toMatchObject([{ hwid: "machine-2", name: null }]);
  });
});
