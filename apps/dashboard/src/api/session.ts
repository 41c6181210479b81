import type { components } from "./schema.d.ts";

type CookieSession = components["schemas"]["CookieSession"];

/**
 * The signed-in user's access token, in memory only (never in storage a script or an
 * extension could read later). The refresh token lives in an HttpOnly cookie that
 * only the server sees; a reload signs in again from it.
 */
let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

export function currentAccessToken(): string | null {
  return accessToken;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps the token and renews it a minute before it expires (`renew` is the cookie refresh). */
export function startSession(session: Pick<CookieSession, "accessToken" | "expiresIn">, renew: () => Promise<unknown>): void {
  accessToken = session.accessToken;
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void renew().catch(() => endSession()), Math.max(10, session.expiresIn - 60) * 1000);
  for (const listener of listeners) listener();
}

export function endSession(): void {
  accessToken = null;
  if (refreshTimer !== null) clearTimeout(refreshTimer);
  refreshTimer = null;
  for (const listener of listeners) listener();
}
