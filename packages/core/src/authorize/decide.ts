import type { ProductPolicy } from "../products/policy.ts";
import type { LicenseRecord } from "../records/license.ts";
import { licenseState } from "../licenses/state.ts";
import { startClock } from "../licenses/time-rules.ts";

/**
 * The signed verdicts on a license or session (docs/errors.md#license-decisions-authorize):
 * what a decision denies with, and LICENSE_NOT_FOUND for a key the product lacks. The
 * OpenAPI document lists them; the SDK keeps its own copy, held to this one by a test.
 */
export const LICENSE_DENIAL_CODES = [
  "LICENSE_NOT_FOUND",
  "LICENSE_REVOKED",
  "LICENSE_EXPIRED",
  "LICENSE_FROZEN",
  "HWID_MISMATCH",
  "IP_MISMATCH",
  "HWID_BLACKLISTED",
  "IP_BLACKLISTED",
  "MAX_SESSIONS_REACHED",
  "SESSION_REVOKED",
  "UPDATE_REQUIRED",
  "VERSION_UNKNOWN",
  "VERSION_YANKED",
] as const;

/** Codes a decision can deny with; VALIDATION_ERROR is a missing hwid under binding. */
export type DenialCode = Exclude<(typeof LICENSE_DENIAL_CODES)[number], "LICENSE_NOT_FOUND"> | "VALIDATION_ERROR";

export interface DecisionInput {
  license: Pick<LicenseRecord, "status" | "frozen" | "frozenAt" | "expiresAt" | "durationDays" | "hwids" | "ips">;
  policy: ProductPolicy;
  blacklisted: "HWID" | "IP" | null;
  hwid: string | undefined;
  ip: string;
  /** The session named by sessionId: null when unknown; absent when none was named. */
  session?: { revoked: boolean; expiresAt: number } | null;
  liveSessions: number;
  now: number;
}

export type Decision =
  | {
      allow: true;
      bindHwid: string | null;
      bindIp: string | null;
      /** Set when this call starts the duration clock of a never-used license. */
      expiresAt: number | null;
      session: "open" | "heartbeat";
    }
  | { allow: false; code: DenialCode; message: string };

const deny = (code: DenialCode, message: string): Decision & { allow: false } => ({ allow: false, code, message });

/** A slot a guarded write claims; when it is full, the call is denied with its code. */
export type Slot = "hwid" | "ip" | "session";

/** The denial for a full slot: what decide answers, and what a call that kept losing its guard answers. */
export function slotFull(slot: Slot, policy: Pick<ProductPolicy, "maxSessions">): Decision & { allow: false } {
  if (slot === "hwid") return deny("HWID_MISMATCH", "This license is bound to other machines");
  if (slot === "ip") return deny("IP_MISMATCH", "This license is bound to other IP addresses");
  return deny("MAX_SESSIONS_REACHED", `This license allows ${policy.maxSessions} concurrent session(s)`);
}

/** First sight binds while slots remain; a new value with full slots is a mismatch. */
function slot(bound: string[], value: string, max: number): "bound" | "bind" | "full" {
  if (bound.includes(value)) return "bound";
  return bound.length < max ? "bind" : "full";
}

/**
 * The license decision, pure: guards in docs/authorize.md's order (state, blacklist, HWID, IP,
 * sessions). A denial is a value; callers write nothing for it.
 */
export function decideAuthorization(input: DecisionInput): Decision {
  const { license, policy, now } = input;
  const state = licenseState(license, now);
  if (state === "revoked") return deny("LICENSE_REVOKED", "This license is revoked");
  if (state === "frozen") return deny("LICENSE_FROZEN", "This license is frozen");
  if (state === "expired") return deny("LICENSE_EXPIRED", "This license has expired");
  if (input.blacklisted === "HWID") return deny("HWID_BLACKLISTED", "This machine is blacklisted");
  if (input.blacklisted === "IP") return deny("IP_BLACKLISTED", "This IP address is blacklisted");

  let bindHwid: string | null = null;
  if (policy.hwidBinding === "on") {
    if (input.hwid === undefined) return deny("VALIDATION_ERROR", "hwid is required: this license binds machines");
    const hwidSlot = slot(license.hwids, input.hwid, policy.maxHwids);
    if (hwidSlot === "full") return slotFull("hwid", policy);
    if (hwidSlot === "bind") bindHwid = input.hwid;
  }
  let bindIp: string | null = null;
  if (policy.ipBinding === "on") {
    const ipSlot = slot(license.ips, input.ip, policy.maxIps);
    if (ipSlot === "full") return slotFull("ip", policy);
    if (ipSlot === "bind") bindIp = input.ip;
  }

  let session: "open" | "heartbeat" = "open";
  if (input.session !== undefined) {
    if (input.session === null || input.session.revoked || input.session.expiresAt <= now) {
      return deny("SESSION_REVOKED", "This session was revoked or has expired; authorize again without sessionId");
    }
    session = "heartbeat";
  } else if (input.liveSessions >= policy.maxSessions) {
    return slotFull("session", policy);
  }
  return { allow: true, bindHwid, bindIp, expiresAt: startClock(license, now)?.expiresAt ?? null, session };
}
