import type { AuthorizeLicense, AuthorizeStore } from "../ports/authorize.ts";

/** What a call's decision needs, read before any guard runs. */
export interface DecisionView {
  license: AuthorizeLicense;
  blacklisted: "HWID" | "IP" | null;
  /** The session named by sessionId: null when unknown; absent when none was named. */
  session?: { revoked: boolean; expiresAt: number } | null;
  liveSessions: number;
}

export interface DecisionViewRequest {
  licenseKey: string;
  hwid?: string;
  ipHex: string | null;
  sessionId?: string;
}

/**
 * The license (null when the product has none with this key), then its blacklist hit and
 * either the named session or the count of live ones, from the store's point reads.
 */
export async function loadDecisionView(store: AuthorizeStore, productId: string, request: DecisionViewRequest, now: number): Promise<DecisionView | null> {
  const license = await store.findLicense(productId, request.licenseKey);
  if (license === null) return null;
  const [blacklisted, session, liveSessions] = await Promise.all([
    store.blacklisted(productId, request.hwid, request.ipHex),
    request.sessionId === undefined ? undefined : store.findSession(license.id, request.sessionId),
    request.sessionId === undefined ? store.countLiveSessions(license.id, now) : 0,
  ]);
  return { license, blacklisted, ...(session !== undefined ? { session } : {}), liveSessions };
}
