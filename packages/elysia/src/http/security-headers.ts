import { Elysia } from "elysia";

/** On every answer of the plugin: no MIME sniffing, no referrer, no framing. */
export const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
} as const;

/** The path of a request URL without building a URL object (this runs on every request). */
function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  return start < 0 ? "/" : url.slice(start);
}

/**
 * Sets SECURITY_HEADERS when the request arrives, so 404s, errors and streamed answers
 * carry them too. Inside a host app (a `prefix`), only the plugin's own paths get them:
 * the host's pages keep the host's policy.
 */
export function securityHeaders(prefix: string) {
  return new Elysia({ name: "geckoguard-security-headers" }).onRequest(({ request, set }) => {
    if (prefix !== "" && !pathOf(request.url).startsWith(prefix)) return;
    Object.assign(set.headers, SECURITY_HEADERS);
  });
}
