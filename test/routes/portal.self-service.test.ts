import { describe, expect, test } from "bun:test";
import { expectError, routeTestSetup } from "../support/test-app.ts";
import { PASSWORD } from "../support/accounts.ts";
import { tenantWithLicenses } from "../support/licensing-fixtures.ts";
import { enablePortal, registerCustomer } from "../support/portal.ts";
import { createEndpoint } from "../support/webhook-endpoints.ts";

const HOUR = 3600_000;

/** Self-service on one's own licenses: device resets within the org's limits, profile, redeem, invitations. */
describe("end-user portal: self-service", () => {
  const t = routeTestSetup();

  async function customerWithDevices(settings: object = {}) {
    const tenant = await tenantWithLicenses(t.api, 2);
    await enablePortal(t.api, tenant.owner.token, tenant.orgId, settings);
    await createEndpoint(t.api, tenant.owner.token, tenant.productId, { events: ["license.hwid_reset"] });
    const customer = await registerCustomer(t.api, tenant.orgId, tenant.licenses[0]!.key);
    const licenseId = tenant.licenses[0]!.id;
    // Bindings as authorize leaves them (written through the store port; authorize has its own tests).
    await t.app.context.store.licenses.update(licenseId, { hwids: ["laptop", "desktop", "tablet"], policyOverrides: { maxHwids: 3 } }, t.app.clock.now());
    return { tenant, customer, licenseId };
  }
  /** A fresh access token: the tests move the clock by hours, past the 15-minute token life. */
  const tokenOf = async (customer: { email: string }, orgId: string) =>
    (await t.api("POST", "/v1/enduser/auth/login", { body: { orgId, login: customer.email, password: PASSWORD } })).body.data.accessToken as string;
  /** Events waiting in the product's outbox (its one endpoint subscribes to license.hwid_reset only). */
  const hwidResetEvents = async (productId: string) =>
    Number((await t.app.database.client.execute({ sql: "SELECT coalesce(sum(event_count), 0) AS n FROM webhook_outbox WHERE product_id = ?", args: [productId] })).rows[0]!.n);

  test("my licenses list devices with first-seen times, the product name and live sessions", async () => {
    const { customer, licenseId } = await customerWithDevices();
    const list = await t.api("GET", "/v1/enduser/licenses", { token: customer.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.data.pagination).toMatchObject({ page: 1, total: 1 });
    const [license] = list.body.data.licenses;
    expect(license).toMatchObject({ id: licenseId, productName: "App", state: "valid", liveSessions: 0, maxHwids: 3 });
    expect(license.devices.map((d: { hwid: string }) => d.hwid)).toEqual(["laptop", "desktop", "tablet"]);
    expect(Date.parse(license.devices[0].firstSeenAt)).toBe(t.app.clock.now());
    expect(license.note).toBeUndefined(); // vendor notes and metadata stay on the vendor's side
  });

  test("deactivating one device keeps the others; a second reset inside the cooldown is 429 RESET_COOLDOWN with the next allowed time", async () => {
    const { tenant, customer, licenseId } = await customerWithDevices({ hwidResetCooldownHours: 24 });
    const events = await hwidResetEvents(tenant.productId);
    const removed = await t.api("DELETE", `/v1/enduser/licenses/${licenseId}/hwids/desktop`, { token: customer.accessToken });
    expect(removed.status).toBe(200);
    expect(removed.body.data.license.devices.map((d: { hwid: string }) => d.hwid)).toEqual(["laptop", "tablet"]);
    expect(await hwidResetEvents(tenant.productId)).toBe(events + 1);

    t.app.clock.advance(5 * HOUR);
    let token = await tokenOf(customer, tenant.orgId);
    const refused = await t.api("POST", `/v1/enduser/licenses/${licenseId}/reset-hwid`, { token });
    expectError(refused, 429, "RESET_COOLDOWN");
    const next = new Date(t.app.clock.now() + 19 * HOUR).toISOString();
    expect(refused.body.error.details).toEqual([{ path: "nextAllowedAt", message: next }]);
    expect(refused.headers.get("retry-after")).toBe(String(19 * 3600));
    expect(await hwidResetEvents(tenant.productId)).toBe(events + 1);
    const unchanged = await t.api("GET", `/v1/enduser/licenses/${licenseId}`, { token });
    expect(unchanged.body.data.license.devices).toHaveLength(2);

    t.app.clock.advance(19 * HOUR);
    token = await tokenOf(customer, tenant.orgId);
    const reset = await t.api("POST", `/v1/enduser/licenses/${licenseId}/reset-hwid`, { token });
    expect(reset.status).toBe(200);
    expect(reset.body.data.license.devices).toEqual([]);
  });

  test("the 30-day cap: after the allowed resets the next waits for the oldest to leave the window", async () => {
    const { tenant, customer, licenseId } = await customerWithDevices({ hwidResetCooldownHours: 0, maxSelfResetsPer30Days: 2 });
    const first = t.app.clock.now();
    for (const hwid of ["laptop", "desktop"]) {
      const token = await tokenOf(customer, tenant.orgId);
      expect((await t.api("DELETE", `/v1/enduser/licenses/${licenseId}/hwids/${hwid}`, { token })).status).toBe(200);
      t.app.clock.advance(HOUR);
    }
    const refused = await t.api("DELETE", `/v1/enduser/licenses/${licenseId}/hwids/tablet`, { token: await tokenOf(customer, tenant.orgId) });
    expectError(refused, 429, "RESET_COOLDOWN");
    expect(refused.body.error.details[0].message).toBe(new Date(first + 30 * 24 * HOUR).toISOString());
    t.app.clock.set(first + 30 * 24 * HOUR + 1);
    expect((await t.api("DELETE", `/v1/enduser/licenses/${licenseId}/hwids/tablet`, { token: await tokenOf(customer, tenant.orgId) })).status).toBe(200);
  });

  test("an unknown device is 404; a portal allowing no resets is 403; ending sessions can be turned off", async () => {
    const { tenant, customer, licenseId } = await customerWithDevices({ maxSelfResetsPer30Days: 0, allowSessionKill: false });
    expectError(await t.api("DELETE", `/v1/enduser/licenses/${licenseId}/hwids/phone`, { token: customer.accessToken }), 404, "NOT_FOUND");
    expectError(await t.api("POST", `/v1/enduser/licenses/${licenseId}/reset-hwid`, { token: customer.accessToken }), 403, "PERMISSION_DENIED");
    const revoke = await t.api("POST", `/v1/enduser/licenses/${licenseId}/sessions/${tenant.licenses[1]!.id}/revoke`, { token: customer.accessToken });
    expectError(revoke, 403, "PERMISSION_DENIED");
  });

  test("self-service changes land in the org's audit log with the end user as the actor", async () => {
    const { tenant, customer, licenseId } = await customerWithDevices();
    await t.api("DELETE", `/v1/enduser/licenses/${licenseId}/hwids/desktop`, { token: customer.accessToken });
    const log = await t.api("GET", `/v1/dashboard/orgs/${tenant.orgId}/audit-log`, { token: tenant.owner.token });
    expect(log.status).toBe(200);
    const entries = log.body.data.entries as { action: string; actor: { type: string; id: string }; resource: { id: string }; changes: unknown }[];
    const reset = entries.find((entry) => entry.action === "license.hwid_reset");
    expect(reset).toMatchObject({ actor: { type: "end_user", id: customer.endUserId }, resource: { id: licenseId }, changes: { hwids: [["laptop", "desktop", "tablet"], ["laptop", "tablet"]] } });
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(["end_user.created", "license.redeemed", "portal.updated"]));
    const verify = await t.api("GET", `/v1/dashboard/orgs/${tenant.orgId}/audit-log/verify`, { token: tenant.owner.token });
    expect(verify.body.data.valid).toBe(true);
  });

  test("redeem adds an unowned key of the org; an owned one is 409", async () => {
    const { tenant, customer } = await customerWithDevices();
    const redeemed = await t.api("POST", "/v1/enduser/licenses/redeem", { token: customer.accessToken, body: { key: tenant.licenses[1]!.key } });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body.data.license.id).toBe(tenant.licenses[1]!.id);
    expectError(await t.api("POST", "/v1/enduser/licenses/redeem", { token: customer.accessToken, body: { key: tenant.licenses[1]!.key } }), 409, "CONFLICT");
    const vendorView = await t.api("GET", `/v1/dashboard/licenses/${tenant.licenses[1]!.id}`, { token: tenant.owner.token });
    expect(vendorView.body.data.license.endUserId).toBe(customer.endUserId);
  });

  test("profile: username freely, email and password only with the current password; a new password signs out other logins", async () => {
    const { tenant, customer } = await customerWithDevices();
    const renamed = await t.api("PATCH", "/v1/enduser/me", { token: customer.accessToken, body: { username: "ada-lovelace" } });
    expect(renamed.body.data.endUser.username).toBe("ada-lovelace");
    expectError(await t.api("PATCH", "/v1/enduser/me", { token: customer.accessToken, body: { password: "a brand new passphrase" } }), 400, "VALIDATION_ERROR");
    expectError(
      await t.api("PATCH", "/v1/enduser/me", { token: customer.accessToken, body: { password: "a brand new passphrase", currentPassword: "wrong password" } }),
      401,
      "INVALID_CREDENTIALS",
    );
    const changed = await t.api("PATCH", "/v1/enduser/me", { token: customer.accessToken, body: { password: "a brand new passphrase", currentPassword: PASSWORD } });
    expect(changed.status).toBe(200);
    expectError(await t.api("POST", "/v1/enduser/auth/refresh", { body: { refreshToken: customer.refreshToken } }), 401, "UNAUTHORIZED");
    const login = await t.api("POST", "/v1/enduser/auth/login", { body: { orgId: tenant.orgId, login: "ADA-lovelace", password: "a brand new passphrase" } });
    expect(login.status).toBe(200);
  });

  test("the vendor's invitation mails a single-use link that sets the end user's first password", async () => {
    const tenant = await tenantWithLicenses(t.api, 1);
    const created = await t.api("POST", `/v1/dashboard/orgs/${tenant.orgId}/end-users`, { token: tenant.owner.token, body: { username: "grace", email: "grace@example.com" } });
    const endUserId = created.body.data.endUser.id;
    const invite = () => t.api("POST", `/v1/dashboard/orgs/${tenant.orgId}/end-users/${endUserId}/portal-invite`, { token: tenant.owner.token });
    expectError(await invite(), 403, "PORTAL_DISABLED");
    await enablePortal(t.api, tenant.owner.token, tenant.orgId);
    // Not yet a portal account: login fails like an unknown one.
    expectError(await t.api("POST", "/v1/enduser/auth/login", { body: { orgId: tenant.orgId, login: "grace", password: PASSWORD } }), 401, "INVALID_CREDENTIALS");
    expect((await invite()).status).toBe(200);
    const token = await t.app.mailedToken("grace@example.com", "gg_pr");
    expect((await t.api("POST", "/v1/enduser/auth/reset-password", { body: { token, password: PASSWORD } })).status).toBe(200);
    expectError(await t.api("POST", "/v1/enduser/auth/reset-password", { body: { token, password: PASSWORD } }), 401, "UNAUTHORIZED");
    const login = await t.api("POST", "/v1/enduser/auth/login", { body: { orgId: tenant.orgId, login: "grace@example.com", password: PASSWORD } });
    expect(login.body.data.endUser.id).toBe(endUserId);
    // A dashboard reset token is not an end-user one, and the reverse.
    expectError(await t.api("POST", "/v1/auth/reset-password", { body: { token, password: PASSWORD } }), 401, "UNAUTHORIZED");
  });

  test("forgot-password answers the same for an unknown email and mails only the account", async () => {
    const tenant = await tenantWithLicenses(t.api, 1);
    await enablePortal(t.api, tenant.owner.token, tenant.orgId);
    const customer = await registerCustomer(t.api, tenant.orgId, tenant.licenses[0]!.key);
    const mails = await t.app.count("mail_outbox");
    const known = await t.api("POST", "/v1/enduser/auth/forgot-password", { body: { orgId: tenant.orgId, email: customer.email } });
    const unknown = await t.api("POST", "/v1/enduser/auth/forgot-password", { body: { orgId: tenant.orgId, email: "nobody@example.com" } });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(unknown.body).toEqual(known.body);
    expect(await t.app.count("mail_outbox")).toBe(mails + 1);
    const token = await t.app.mailedToken(customer.email, "gg_pr");
    expect((await t.api("POST", "/v1/enduser/auth/reset-password", { body: { token, password: "another long passphrase" } })).status).toBe(200);
  });
});
