import { afterEach, describe, expect, test } from "bun:test";
import { createAdmin, type RegistrationPolicy } from "@geckoguard/core";
import { openTestApp, expectError, type TestApp } from "../support/test-app.ts";
import { PASSWORD, uniqueEmail } from "../support/accounts.ts";
import { invite } from "../support/invites.ts";
import { databaseDigest } from "../support/database-digest.ts";
import { actingAsTest } from "../support/acting.ts";

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** An app under `registration` with an admin (created by the CLI's use case) and their org. */
async function withAdmin(registration: RegistrationPolicy) {
  const t = (app = await openTestApp({ registration }));
  const { org } = await createAdmin(actingAsTest(t.context), { email: "root@example.com", password: PASSWORD, orgName: "Acme" });
  const login = await t.api("POST", "/v1/auth/login", { body: { email: "root@example.com", password: PASSWORD } });
  return { t, orgId: org.id, token: login.body.data.accessToken as string };
}

const register = (t: TestApp, body: Record<string, unknown>) => t.api("POST", "/v1/auth/register", { body: { password: PASSWORD, ...body } });

/** docs/authentication.md#sign-up-policy: an invitation opens sign-up for its own address only. */
describe("signing up with an invitation", () => {
  for (const policy of ["closed", "first"] as const) {
    test(`${policy}: the invited address registers with its token; nobody else does`, async () => {
      const { t, orgId, token } = await withAdmin(policy);
      const email = uniqueEmail("invited");
      await invite(t.api, token, orgId, email, "member");
      const inviteToken = await t.mailedToken(email, "gg_inv");

      const refusals: [Record<string, unknown>, number, string][] = [
        [{ email }, 403, "PERMISSION_DENIED"], // no token: the policy decides
        [{ email: uniqueEmail("other"), inviteToken }, 403, "PERMISSION_DENIED"], // someone else's token
        [{ email, inviteToken: "gg_inv_" + "B".repeat(43) }, 401, "UNAUTHORIZED"], // unknown token
      ];
      for (const [body, status, code] of refusals) {
        const before = await databaseDigest(t);
        expectError(await register(t, body), status, code);
        expect(await databaseDigest(t)).toBe(before);
      }

      const registered = await register(t, { email: email.toUpperCase(), inviteToken });
      expect(registered.status).toBe(201);
      expect(registered.body.data.user).toMatchObject({ email, emailVerified: false });
      // Registering does not use the invitation up: it is accepted after verifying.
      const verify = await t.api("POST", "/v1/auth/verify-email", { body: { token: await t.mailedToken(email, "gg_ve") } });
      expect(verify.status).toBe(200);
      const login = await t.api("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
      const accepted = await t.api("POST", "/v1/dashboard/invites/accept", { token: login.body.data.accessToken, body: { token: inviteToken } });
      expect(accepted.body.data.membership).toEqual({ orgId, role: "member" });
      // A used invitation opens sign-up no more.
      expectError(await register(t, { email: uniqueEmail("late"), inviteToken }), 401, "UNAUTHORIZED");
    });
  }
});
