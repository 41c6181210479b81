import { afterAll, beforeAll, expect, test } from "bun:test";
import { createLicenseClient, createPortalClient, PortalError, type AuthorizeResult } from "@geckoguard/sdk";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { authorizeFixture } from "./support/signed-authorize.ts";
import { PASSWORD } from "./support/accounts.ts";
import { enablePortal, registerCustomer } from "./support/portal.ts";

let server: RunningServer;
let api: Api;
beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.stop();
});

const codeOf = (result: AuthorizeResult) => (result.ok ? "valid" : result.code);

/** Expects the promise to fail with this portal error code; returns the error. */
async function refusal(promise: Promise<unknown>, code: string): Promise<PortalError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PortalError);
  expect((error as PortalError).code).toBe(code);
  return error as PortalError;
}

test("a customer signs up with their key, sees their devices, frees one, and the app authorizes from the new machine", async () => {
  // The vendor: one license per seat, one machine per license; the portal on.
  const vendor = await authorizeFixture(api, { maxHwids: 1, maxSessions: 5 }, 2);
  await enablePortal(api, vendor.owner.token, vendor.orgId, { hwidResetCooldownHours: 24, maxSelfResetsPer30Days: 3 });
  const app = createLicenseClient({ baseUrl: server.baseUrl, apiKey: vendor.apiKey, productPublicKey: vendor.publicKey });
  const key = vendor.licenses[0]!.key;

  // The customer registers with the key they bought (it is redeemed to them) and logs in with the SDK's portal client.
  const customer = await registerCustomer(api, vendor.orgId, key);
  const portal = createPortalClient({ baseUrl: server.baseUrl, orgId: vendor.orgId });
  await portal.login(customer.username, PASSWORD);

  // Their old machine runs the app: bound, with a live session. The new machine is refused.
  const before = Date.now();
  const oldPc = await app.authorize({ licenseKey: key, hwid: "old-pc", deviceName: "Old PC" });
  if (!oldPc.ok) throw new Error(`expected a valid answer, got ${oldPc.code}`);
  expect(codeOf(await app.authorize({ licenseKey: key, hwid: "new-pc" }))).toBe("HWID_MISMATCH");

  const [license] = await portal.licenses();
  expect(license).toMatchObject({ id: vendor.licenses[0]!.id, key, productName: "App", state: "valid", maxHwids: 1, liveSessions: 1 });
  expect(license!.devices).toMatchObject([{ hwid: "old-pc", name: "Old PC" }]);
  expect(Date.parse(license!.devices[0]!.firstSeenAt)).toBeGreaterThanOrEqual(before - 1000);

  // Sessions: listed, and ending one makes the app's next heartbeat a SESSION_REVOKED.
  const sessions = await portal.sessions(license!.id);
  expect(sessions.map((s) => s.id)).toEqual([oldPc.session.id]);
  await portal.revokeSession(license!.id, oldPc.session.id);
  expect(codeOf(await app.heartbeat(oldPc.handle))).toBe("SESSION_REVOKED");
  expect(await portal.sessions(license!.id)).toEqual([]);

  // Another customer of the same vendor sees neither the license nor its sessions.
  const other = await registerCustomer(api, vendor.orgId, vendor.licenses[1]!.key);
  const stranger = await api("GET", `/v1/enduser/licenses/${license!.id}/sessions`, { token: other.accessToken });
  expect([stranger.status, stranger.body.error.code]).toEqual([404, "NOT_FOUND"]);

  // The customer frees the old machine; a second reset the same day is refused with the next allowed time.
  const freed = await portal.deactivateDevice(license!.id, "old-pc");
  expect(freed.devices).toEqual([]);
  const cooldown = await refusal(portal.resetHwids(license!.id), "RESET_COOLDOWN");
  expect(cooldown.status).toBe(429);
  expect(cooldown.retryAfterSeconds).toBeGreaterThan(23 * 3600);
  expect(Date.parse(cooldown.nextAllowedAt!)).toBeGreaterThan(Date.now() + 23 * 3600_000);

  // The app on the new machine now authorizes into the freed slot.
  const newPc = await app.authorize({ licenseKey: key, hwid: "new-pc" });
  expect(codeOf(newPc)).toBe("valid");
  expect((await portal.license(license!.id)).devices.map((d) => d.hwid)).toEqual(["new-pc"]);

  // The vendor sees the same: the license is the customer's, bound to the new machine.
  const vendorView = await api("GET", `/v1/dashboard/licenses/${license!.id}`, { token: vendor.owner.token });
  expect(vendorView.body.data.license).toMatchObject({ endUserId: customer.endUserId, hwids: ["new-pc"] });

  // Token rotation and logout: the first refresh token is dead after the rotation, and logout ends the login.
  const firstRefresh = (await portal.refresh()).refreshToken;
  await portal.refresh();
  const replay = await api("POST", "/v1/enduser/auth/refresh", { body: { refreshToken: firstRefresh } });
  expect([replay.status, replay.body.error.code]).toEqual([401, "REFRESH_TOKEN_REUSED"]);
  await refusal(portal.refresh(), "UNAUTHORIZED"); // the reuse signed this whole login out
  const again = await portal.login(customer.email, PASSWORD);
  expect((await portal.licenses()).map((l) => l.id)).toEqual([license!.id]);
  await portal.logout();
  const afterLogout = await api("POST", "/v1/enduser/auth/refresh", { body: { refreshToken: again.refreshToken } });
  expect([afterLogout.status, afterLogout.body.error.code]).toEqual([401, "UNAUTHORIZED"]);
});
