import { expect } from "bun:test";
import { totpCodeAt } from "@geckoguard/core";
import type { TestApp } from "./test-app.ts";
import { PASSWORD, signUp } from "./accounts.ts";

export const STEP_MS = 30_000;

/** A signed-up user with TOTP enabled (the enable code used the clock's current step). */
export async function totpUser(t: TestApp) {
  const user = await signUp(t.api);
  const setup = await t.api("POST", "/v1/dashboard/me/totp/setup", { token: user.token });
  expect(setup.status).toBe(200);
  const secret = setup.body.data.secret as string;
  const enableCode = await totpCodeAt(secret, t.clock.now());
  const enabled = await t.api("POST", "/v1/dashboard/me/totp/enable", { token: user.token, body: { code: enableCode } });
  expect(enabled.status).toBe(200);
  return { ...user, secret, enableCode, recoveryCodes: enabled.body.data.recoveryCodes as string[] };
}

/** Password login that must answer a 2FA challenge. */
export async function challenge(t: TestApp, email: string): Promise<string> {
  const response = await t.api("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
  expect(response.status).toBe(200);
  expect(response.body.data.twoFactorRequired).toBe(true);
  return response.body.data.challengeToken;
}

/** A 6-digit code that matches none of the steps in the ±1 window around now. */
export async function wrongCode(secret: string, now: number): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((k) => totpCodeAt(secret, now + k * STEP_MS))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}
