import type { BlacklistRecord, BlacklistType } from "../records/blacklist.ts";
import { parseIpRange } from "./ip-range.ts";

export interface BlacklistEntryInput {
  type: BlacklistType;
  value: string;
  reason?: string | null;
}

export type NormalizedBlacklistEntry = Pick<BlacklistRecord, "type" | "value" | "rangeStart" | "rangeEnd" | "reason">;

export type NormalizeResult = { ok: true; entry: NormalizedBlacklistEntry } | { ok: false; reason: string };

export const MAX_HWID_LENGTH = 256;
export const MAX_REASON_LENGTH = 500;

function normalReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/**
 * An entry as given → what is stored. HWIDs are kept exactly as sent (the authorize path
 * compares them byte for byte); IP values get their normal form and range bounds.
 */
export function normalizeBlacklistEntry(input: BlacklistEntryInput): NormalizeResult {
  const reason = normalReason(input.reason);
  if (reason !== null && reason.length > MAX_REASON_LENGTH) return { ok: false, reason: `A reason is at most ${MAX_REASON_LENGTH} characters` };
  if (input.type === "HWID") {
    if (input.value.trim() === "") return { ok: false, reason: "An HWID cannot be blank" };
    if (input.value.length > MAX_HWID_LENGTH) return { ok: false, reason: `An HWID is at most ${MAX_HWID_LENGTH} characters` };
    return { ok: true, entry: { type: "HWID", value: input.value, rangeStart: null, rangeEnd: null, reason } };
  }
  const parsed = parseIpRange(input.value);
  if (!parsed.ok) return parsed;
  return { ok: true, entry: { type: "IP", ...parsed.range, reason } };
}

/** The identity the unique index enforces: one (type, value) per product. */
export function entryIdentity(entry: Pick<BlacklistRecord, "type" | "value">): string {
  return `${entry.type}\n${entry.value}`;
}
