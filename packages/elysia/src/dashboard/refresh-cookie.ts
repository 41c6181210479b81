import { REFRESH_TOKEN_TTL_MS } from "@geckoguard/core";

/** The dashboard's refresh token travels only in this cookie, never in a script's reach. */
export const REFRESH_COOKIE = "gg_refresh";
/** Below the plugin's prefix: the one path the cookie is sent to (the dashboard's own auth calls). */
export const COOKIE_ROUTES_PATH = "/v1/auth/cookie";

type HeaderBag = { headers: Record<string, string | number> };

/**
 * Secure when the browser spoke https to us: the request's own scheme, or behind
 * proxies we trust, what the nearest one says it received.
 */
export function cameOverHttps(request: Request, trustedProxyHops: number): boolean {
  if (request.url.startsWith("https:")) return true;
  return trustedProxyHops > 0 && request.headers.get("x-forwarded-proto")?.split(",").pop()?.trim() === "https";
}

function cookieLine(value: string, maxAgeSeconds: number, path: string, secure: boolean): string {
  return [`${REFRESH_COOKIE}=${value}`, `Path=${path}`, `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Strict", ...(secure ? ["Secure"] : [])].join("; ");
}

export function setRefreshCookie(set: HeaderBag, token: string, path: string, secure: boolean): void {
  set.headers["set-cookie"] = cookieLine(token, Math.floor(REFRESH_TOKEN_TTL_MS / 1000), path, secure);
}

export function clearRefreshCookie(set: HeaderBag, path: string, secure: boolean): void {
  set.headers["set-cookie"] = cookieLine("", 0, path, secure);
}

/** The refresh token from the request's Cookie header, or null. */
export function readRefreshCookie(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (header === null) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value === "" ? null : value;
    }
  }
  return null;
}
