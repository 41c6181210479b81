import { afterEach, describe, expect, test } from "bun:test";
import { createAdmin, type RegistrationPolicy } from "@geckoguard/core";
import { openTestApp, expectError, type TestApp } from "../support/test-app.ts";
import { PASSWORD, uniqueEmail } from "../support/accounts.ts";
import { actingAsTest } from "../support/acting.ts";

const CLOSED = /^Sign-up is closed on this server: accounts are created by an administrator \(geckoguard create-admin\) or by invitation$/;
const WRITTEN = ["users", "one_time_tokens", "mail_outbox", "orgs", "org_members"];

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function open(registration: RegistrationPolicy): Promise<TestApp> {
  app = await openTestApp({ registration });
  return app;
}

const register = (t: TestApp, email: string) => t.api("POST", "/v1/auth/register", { body: { email, password: PASSWORD } });
const counts = async (t: TestApp) => Object.fromEntries(await Promise.all(WRITTEN.map(async (table) => [table, await t.count(table)])));

/** A refused sign-up: 403 PERMISSION_DENIED with the one message, and not a row written anywhere. */
async function expectRefused(t: TestApp, email: string) {
  const before = await counts(t);
  const refused = await register(t, email);
  expectError(refused, 403, "PERMISSION_DENIED");
  expect(refused.body.error.message).toMatch(CLOSED);
  expect(await counts(t)).toEqual(before);
  return refused.body;
}

describe("GG_REGISTRATION (the sign-up policy)", () => {
  test("first: the first account signs up, then nobody; a taken email gets the very same answer as a free one", async () => {
    const t = await open("first");
    const first = uniqueEmail("operator");
    expect((await register(t, first)).status).toBe(201);
    const freeEmail = await expectRefused(t, uniqueEmail("stranger"));
    const takenEmail = await expectRefused(t, first);
    const takenUpperCase = await expectRefused(t, first.toUpperCase());
    expect(takenEmail).toEqual(freeEmail);
    expect(takenUpperCase).toEqual(freeEmail);
    expect((await t.api("POST", "/v1/auth/login", { body: { email: first, password: PASSWORD } })).status).toBe(200);
  });

  test("first: of 6 concurrent first sign-ups exactly one wins, the others are refused as if they came second", async () => {
    const t = await open("first");
    const responses = await Promise.all(Array.from({ length: 6 }, () => register(t, uniqueEmail("racer"))));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 403, 403, 403, 403, 403]);
    for (const loser of responses.filter((r) => r.status === 403)) expect(loser.body.error).toMatchObject({ code: "PERMISSION_DENIED", message: expect.stringMatching(CLOSED) });
    expect(await t.count("users")).toBe(1);
    expect(await t.count("one_time_tokens")).toBe(1);
    expect(await t.count("mail_outbox")).toBe(1);
  });

  test("closed: nobody signs up, not even the first; the operator's account comes from create-admin's use case", async () => {
    const t = await open("closed");
    await expectRefused(t, uniqueEmail("first"));
    expect(await t.count("users")).toBe(0);
    const admin = await createAdmin(actingAsTest(t.context), { email: "root@example.com", password: PASSWORD, orgName: "Acme" });
    expect(admin.user.emailVerifiedAt).not.toBeNull();
    expect((await t.api("POST", "/v1/auth/login", { body: { email: "root@example.com", password: PASSWORD } })).status).toBe(200);
    await expectRefused(t, uniqueEmail("second"));
    await expectRefused(t, "root@example.com");
  });

  test("first: an account made by create-admin counts as the first one", async () => {
    const t = await open("first");
    await createAdmin(actingAsTest(t.context), { email: "root@example.com", password: PASSWORD, orgName: "Acme" });
    await expectRefused(t, uniqueEmail("late"));
  });

  test("open: anyone signs up, and a taken email is still a 409 CONFLICT as before", async () => {
    const t = await open("open");
    const email = uniqueEmail("public");
    expect((await register(t, email)).status).toBe(201);
    expect((await register(t, uniqueEmail("public"))).status).toBe(201);
    expectError(await register(t, email), 409, "CONFLICT");
    expect(await t.count("users")).toBe(2);
  });
});
