import { describe, expect, test } from "bun:test";
import { expectError, routeTestSetup } from "../support/test-app.ts";
import { PASSWORD, orgWithProduct, signUp, uniqueEmail } from "../support/accounts.ts";
import { tenantWithLicenses } from "../support/licensing-fixtures.ts";
import { enablePortal, registerCustomer } from "../support/portal.ts";

/** The portal's walls: off by default, tokens of one kind refused by the other, one customer never sees another's. */
describe("end-user portal: security", () => {
  const t = routeTestSetup();

  test("off by default: every /v1/enduser route of the org answers 403 PORTAL_DISABLED, and nothing is written", async () => {
    const settings = await t.api("GET", `/v1/dashboard/orgs/${t.orgId}/portal`, { token: t.owner });
    expect(settings.body.data.portal).toEqual({ enabled: false, selfRegistration: false, hwidResetCooldownHours: 24, maxSelfResetsPer30Days: 3, allowSessionKill: true });
    const users = await t.app.count("end_users");
    const body = { orgId: t.orgId, email: uniqueEmail(), username: "someone", password: PASSWORD };
    expectError(await t.api("POST", "/v1/enduser/auth/register", { body }), 403, "PORTAL_DISABLED");
    expectError(await t.api("POST", "/v1/enduser/auth/login", { body: { orgId: t.orgId, login: "someone", password: PASSWORD } }), 403, "PORTAL_DISABLED");
    expectError(await t.api("POST", "/v1/enduser/auth/forgot-password", { body: { orgId: t.orgId, email: body.email } }), 403, "PORTAL_DISABLED");
    expect(await t.app.count("end_users")).toBe(users);
  });

  test("switched off later: the customer's valid tokens stop working with PORTAL_DISABLED", async () => {
    const tenant = await tenantWithLicenses(t.api, 1);
    await enablePortal(t.api, tenant.owner.token, tenant.orgId);
    const customer = await registerCustomer(t.api, tenant.orgId, tenant.licenses[0]!.key);
    expect((await t.api("GET", "/v1/enduser/me", { token: customer.accessToken })).status).toBe(200);
    await t.api("PATCH", `/v1/dashboard/orgs/${tenant.orgId}/portal`, { token: tenant.owner.token, body: { enabled: false } });
    expectError(await t.api("GET", "/v1/enduser/me", { token: customer.accessToken }), 403, "PORTAL_DISABLED");
    expectError(await t.api("GET", "/v1/enduser/licenses", { token: customer.accessToken }), 403, "PORTAL_DISABLED");
    expectError(await t.api("POST", "/v1/enduser/auth/refresh", { body: { refreshToken: customer.refreshToken } }), 403, "PORTAL_DISABLED");
    expectError(await t.api("POST", "/v1/enduser/auth/logout", { body: { refreshToken: customer.refreshToken } }), 403, "PORTAL_DISABLED");
  });

  test("a dashboard token on /v1/enduser and an end-user token on /v1/dashboard are both 401", async () => {
    await enablePortal(t.api, t.owner, t.orgId, { selfRegistration: true });
    const customer = await registerCustomer(t.api, t.orgId);
    expectError(await t.api("GET", "/v1/enduser/me", { token: t.owner }), 401, "UNAUTHORIZED");
    expectError(await t.api("GET", "/v1/enduser/licenses", { token: t.owner }), 401, "UNAUTHORIZED");
    expectError(await t.api("GET", "/v1/dashboard/me", { token: customer.accessToken }), 401, "UNAUTHORIZED");
    expectError(await t.api("GET", `/v1/dashboard/orgs/${t.orgId}/portal`, { token: customer.accessToken }), 401, "UNAUTHORIZED");
    expectError(await t.api("GET", `/v1/dashboard/orgs/${t.orgId}/licenses`, { token: customer.accessToken }), 401, "UNAUTHORIZED");
    // Refresh tokens do not cross either: each kind lives in its own table.
    expectError(await t.api("POST", "/v1/auth/refresh", { body: { refreshToken: customer.refreshToken } }), 401, "UNAUTHORIZED");
    const owner = await signUp(t.api);
    expectError(await t.api("POST", "/v1/enduser/auth/refresh", { body: { refreshToken: owner.refreshToken } }), 401, "UNAUTHORIZED");
  });

  test("an end user of org A sees none of org B: B's license and a B customer's license read as 404", async () => {
    const a = await tenantWithLicenses(t.api, 1);
    const b = await tenantWithLicenses(t.api, 2);
    await enablePortal(t.api, a.owner.token, a.orgId);
    await enablePortal(t.api, b.owner.token, b.orgId);
    const ofA = await registerCustomer(t.api, a.orgId, a.licenses[0]!.key);
    const ofB = await registerCustomer(t.api, b.orgId, b.licenses[0]!.key);
    for (const licenseId of [b.licenses[0]!.id, b.licenses[1]!.id]) {
      expectError(await t.api("GET", `/v1/enduser/licenses/${licenseId}`, { token: ofA.accessToken }), 404, "NOT_FOUND");
      expectError(await t.api("POST", `/v1/enduser/licenses/${licenseId}/reset-hwid`, { token: ofA.accessToken }), 404, "NOT_FOUND");
      expectError(await t.api("GET", `/v1/enduser/licenses/${licenseId}/sessions`, { token: ofA.accessToken }), 404, "NOT_FOUND");
    }
    // Org B's key cannot be redeemed from org A's portal, nor can A's customer log in to B's.
    expectError(await t.api("POST", "/v1/enduser/licenses/redeem", { token: ofA.accessToken, body: { key: b.licenses[1]!.key } }), 404, "LICENSE_NOT_FOUND");
    expectError(await t.api("POST", "/v1/enduser/auth/login", { body: { orgId: b.orgId, login: ofA.email, password: PASSWORD } }), 401, "INVALID_CREDENTIALS");
    const own = await t.api("GET", "/v1/enduser/licenses", { token: ofB.accessToken });
    expect(own.body.data.licenses.map((l: { id: string }) => l.id)).toEqual([b.licenses[0]!.id]);
    // The same org, another customer: still 404.
    const second = await registerCustomer(t.api, b.orgId, b.licenses[1]!.key);
    expectError(await t.api("GET", `/v1/enduser/licenses/${b.licenses[0]!.id}`, { token: second.accessToken }), 404, "NOT_FOUND");
    expectError(
      await t.api("POST", `/v1/enduser/licenses/${b.licenses[0]!.id}/sessions/${b.licenses[0]!.id}/revoke`, { token: second.accessToken }),
      404,
      "NOT_FOUND",
    );
  });

  test("refresh rotates once; the rotated token again revokes the whole login", async () => {
    const customer = await registerCustomer(t.api, t.orgId);
    const rotated = await t.api("POST", "/v1/enduser/auth/refresh", { body: { refreshToken: customer.refreshToken } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.endUser.id).toBe(customer.endUserId);
    expectError(await t.api("POST", "/v1/enduser/auth/refresh", { body: { refreshToken: customer.refreshToken } }), 401, "REFRESH_TOKEN_REUSED");
    expectError(await t.api("POST", "/v1/enduser/auth/refresh", { body: { refreshToken: rotated.body.data.refreshToken } }), 401, "UNAUTHORIZED");
  });

  test("registration: without self-registration a license key is needed; a taken key or email changes nothing", async () => {
    const tenant = await tenantWithLicenses(t.api, 1);
    await enablePortal(t.api, tenant.owner.token, tenant.orgId);
    const users = await t.app.count("end_users");
    const body = { orgId: tenant.orgId, email: uniqueEmail(), username: "ada", password: PASSWORD };
    expectError(await t.api("POST", "/v1/enduser/auth/register", { body }), 403, "PERMISSION_DENIED");
    expectError(await t.api("POST", "/v1/enduser/auth/register", { body: { ...body, licenseKey: "GG-NOT-A-REAL-KEY" } }), 404, "LICENSE_NOT_FOUND");
    const first = await registerCustomer(t.api, tenant.orgId, tenant.licenses[0]!.key);
    expectError(await t.api("POST", "/v1/enduser/auth/register", { body: { ...body, licenseKey: tenant.licenses[0]!.key } }), 409, "CONFLICT");
    await t.api("PATCH", `/v1/dashboard/orgs/${tenant.orgId}/portal`, { token: tenant.owner.token, body: { selfRegistration: true } });
    expectError(await t.api("POST", "/v1/enduser/auth/register", { body: { ...body, email: first.email } }), 409, "CONFLICT");
    expect(await t.app.count("end_users")).toBe(users + 1);
  });

  test("portal settings: members read, only admins and the owner change them; bad values are 400", async () => {
    const { orgId } = await orgWithProduct(t.api, t.owner);
    const member = await signUp(t.api);
    await t.api("POST", `/v1/dashboard/orgs/${orgId}/members`, { token: t.owner, body: { email: member.email, role: "member" } });
    expect((await t.api("GET", `/v1/dashboard/orgs/${orgId}/portal`, { token: member.token })).status).toBe(200);
    expectError(await t.api("PATCH", `/v1/dashboard/orgs/${orgId}/portal`, { token: member.token, body: { enabled: true } }), 403, "PERMISSION_DENIED");
    expectError(await t.api("PATCH", `/v1/dashboard/orgs/${orgId}/portal`, { token: t.owner, body: { hwidResetCooldownHours: -1 } }), 400, "VALIDATION_ERROR");
    expectError(await t.api("PATCH", `/v1/dashboard/orgs/${orgId}/portal`, { token: t.owner, body: {} }), 400, "VALIDATION_ERROR");
    const stranger = await signUp(t.api);
    expectError(await t.api("PATCH", `/v1/dashboard/orgs/${orgId}/portal`, { token: stranger.token, body: { enabled: true } }), 403, "FORBIDDEN");
    expect((await t.api("GET", `/v1/dashboard/orgs/${orgId}/portal`, { token: t.owner })).body.data.portal.enabled).toBe(false);
  });
});
