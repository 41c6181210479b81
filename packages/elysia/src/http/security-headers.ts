import { Elysia } from "elysia";

/** On every answer of the plugin: no MIME sniffing, no referrer, no framing. */
export const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
} as const;

/** Whether a request URL's path is `prefix` or under it, without building a URL object (this runs on every request). */
function isUnder(url: string, prefix: string): boolean {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0 || !url.startsWith(prefix, start)) return false;
  const next = url[start + prefix.length];
  return next === undefined || next === "/" || next === "?";
}

/**
 * Sets SECURITY_HEADERS when the request arrives, so 404s, errors and streamed answers
 * carry them too. Inside a host app (a `prefix`), only the plugin's own paths get them:
 * the host's pages keep the host's policy.
 */
export function securityHeaders(prefix: string) {
  return new Elysia({ name: "geckoguard-security-headers" }).onRequest(({ request, set }) => {
    if (prefix !== "" && !isUnder(request.url, prefix)) return;
    Object.assign(set.headers, SECURITY_HEADERS);
  });
}
