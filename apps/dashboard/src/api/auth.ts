import { api } from "./client.ts";
import { unwrap } from "./errors.ts";
import { endSession, startSession } from "./session.ts";

/** The dashboard's own sign-in calls: the refresh token stays in the HttpOnly cookie. */
export async function renewFromCookie(): Promise<void> {
  const session = unwrap(await api.POST("/v1/auth/cookie/refresh", {}));
  startSession(session, renewFromCookie);
}

export type SignInOutcome = { done: true } | { done: false; challengeToken: string };

export async function signIn(email: string, password: string): Promise<SignInOutcome> {
  const result = unwrap(await api.POST("/v1/auth/cookie/login", { body: { email, password } }));
  if ("twoFactorRequired" in result) return { done: false, challengeToken: result.challengeToken };
  startSession(result, renewFromCookie);
  return { done: true };
}

export async function answerChallenge(challengeToken: string, code: string): Promise<void> {
  const session = unwrap(await api.POST("/v1/auth/cookie/totp/verify-login", { body: { challengeToken, code } }));
  startSession(session, renewFromCookie);
}

export async function signOut(): Promise<void> {
  try {
    await api.POST("/v1/auth/cookie/logout", {});
  } finally {
    endSession();
  }
}
