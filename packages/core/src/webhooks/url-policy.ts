import { GgError } from "../errors/gg-error.ts";
import { isIpLiteral, isLoopbackAddress, isPublicAddress } from "./ip-address-class.ts";

/**
 * Where webhooks may go. Production: https:// to globally reachable addresses only.
 * GG_ALLOW_HTTP_WEBHOOKS=1 (development, tests) sets both flags: a receiver on the same
 * machine, never private, link-local or metadata addresses (those stay SSRF targets).
 */
export interface WebhookUrlPolicy {
  allowHttp: boolean;
  /** Loopback addresses (127.0.0.0/8, ::1) too; every other non-public address stays refused. */
  allowLoopback: boolean;
  /** Every address the host name resolves to (A and AAAA); throws when it does not resolve. */
  resolveHost(hostname: string): Promise<string[]>;
}

export const MAX_URL_LENGTH = 2048;

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };
export type TargetCheck = { ok: true; url: URL; address: string } | { ok: false; reason: string };

/** Syntax and scheme only (no DNS). */
export function checkUrlSyntax(raw: string, policy: Pick<WebhookUrlPolicy, "allowHttp">): UrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: `URL is longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Not a valid absolute URL" };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowHttp)) {
    return { ok: false, reason: policy.allowHttp ? "URL must use https:// or http://" : "URL must use https://" };
  }
  if (url.username !== "" || url.password !== "") return { ok: false, reason: "URL must not contain credentials" };
  if (url.hostname === "") return { ok: false, reason: "URL has no host" };
  return { ok: true, url };
}

/**
 * Resolves the URL's host and picks the address to connect to. Every address must be
 * public (or loopback when allowed): one private answer among public ones is refused too, since
 * the connection could use either. Called at create/update and again before every
 * delivery, whose connection then goes to exactly this address (no DNS rebinding).
 */
export async function resolveTarget(url: URL, policy: WebhookUrlPolicy): Promise<TargetCheck> {
  let addresses: string[];
  if (isIpLiteral(url.hostname)) {
    addresses = [url.hostname.replace(/^\[|\]$/g, "")];
  } else {
    try {
      addresses = await policy.resolveHost(url.hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) return { ok: false, reason: "URL host does not resolve" };
  }
  const allowed = (address: string) => isPublicAddress(address) || (policy.allowLoopback && isLoopbackAddress(address));
  if (!addresses.every(allowed)) {
    return { ok: false, reason: "URL resolves to a loopback, private, link-local or otherwise non-public address" };
  }
  return { ok: true, url, address: addresses[0]! };
}

/** Full check at create/update; a refusal is 400 VALIDATION_ERROR on /url. Returns the normalized URL. */
export async function assertEndpointUrl(raw: string, policy: WebhookUrlPolicy): Promise<string> {
  const syntax = checkUrlSyntax(raw, policy);
  const target = syntax.ok ? await resolveTarget(syntax.url, policy) : syntax;
  if (!target.ok) throw new GgError("VALIDATION_ERROR", `Invalid webhook URL: ${target.reason}`, { details: [{ path: "/url", message: target.reason }] });
  return target.url.href;
}
