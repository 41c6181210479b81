import { normalizeClientIp } from "@geckoguard/core";

/** What `server.requestIP` gives (Bun's SocketAddress), as far as we need it. */
interface SocketAddressLike {
  address: string;
}

interface ServerLike {
  requestIP(request: Request): SocketAddressLike | null;
}

const UNKNOWN = "unknown";
const clientIps = new WeakMap<Request, string>();

/**
 * The client's address: the socket's peer, or, behind `trustedProxyHops` proxies of our
 * own, the address the outermost of them saw (counted from the right of
 * X-Forwarded-For: entries to its left are whatever the client chose to send).
 */
export function clientIpFrom(socketAddress: string | undefined, forwardedFor: string | null, trustedProxyHops: number): string {
  if (trustedProxyHops > 0 && forwardedFor !== null) {
    const hops = forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    const seenByOutermostProxy = hops[Math.max(0, hops.length - trustedProxyHops)];
    if (seenByOutermostProxy !== undefined) return normalizeClientIp(seenByOutermostProxy);
  }
  return socketAddress === undefined ? UNKNOWN : normalizeClientIp(socketAddress);
}

/** Called once per request by the plugin, which holds the server and the proxy setting. */
export function recordClientIp(request: Request, server: ServerLike | null, trustedProxyHops: number): void {
  const socket = server?.requestIP(request)?.address;
  clientIps.set(request, clientIpFrom(socket, request.headers.get("x-forwarded-for"), trustedProxyHops));
}

/** The caller's address for rate limits, bindings and blacklists; `fallback` without a socket (app.handle). */
export function clientIpOf(request: Request, fallback = UNKNOWN): string {
  const ip = clientIps.get(request);
  return ip === undefined || ip === UNKNOWN ? fallback : ip;
}
