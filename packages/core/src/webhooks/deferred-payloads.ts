import { newDevices } from "../licenses/license.ts";
import type { LicenseView } from "../records/license.ts";
import { licenseEventData } from "./event-payloads.ts";

/**
 * License events are the bulk of the outbox (a bulk change makes 500 at once), so the
 * request records a compact positional snapshot of each license instead of its API
 * shape, and the worker renders the payload at fan-out, as of the event's own time.
 * The receiver gets exactly what `licenseEventData(license, eventTime)` gives; the
 * request serialises about a third of the bytes and builds no presentation objects.
 */

const MARK = "$gg";
/**
 * Snapshot positions. Outbox rows already written hold snapshots in this order, so a new
 * field is only ever appended (and rendering tolerates snapshots that end before it).
 */
const FIELDS = [
  "id", "productId", "key", "status", "frozen", "frozenAt", "expiresAt", "durationDays", "policyOverrides", "hwids", "ips",
  "note", "metadata", "endUserId", "redeemedAt", "lastAuthorizedAt", "createdAt", "updatedAt", "owner", "productPolicy",
  "devices", "channels", "updatesUntil",
] as const satisfies readonly (keyof LicenseView)[];
/** Fails the type check when LicenseView gains a field that FIELDS does not carry. */
type Unlisted = Exclude<keyof LicenseView, (typeof FIELDS)[number]>;
const EVERY_FIELD_LISTED: [Unlisted] extends [never] ? true : { unlisted: Unlisted } = true;
void EVERY_FIELD_LISTED;

interface DeferredLicense {
  [MARK]: "license";
  /** FIELDS, in order. */
  s: unknown[];
  /** Event extras (`changes`, `days`, `cleared`, …). */
  x?: Record<string, unknown>;
}

/** The outbox `data` of a license event: a snapshot, rendered later by `renderEventData`. */
export function deferredLicenseData(license: LicenseView, extra?: Record<string, unknown>): DeferredLicense {
  const snapshot: DeferredLicense = { [MARK]: "license", s: FIELDS.map((field) => license[field]) };
  if (extra !== undefined) snapshot.x = extra;
  return snapshot;
}

function isDeferredLicense(data: unknown): data is DeferredLicense {
  return typeof data === "object" && data !== null && (data as Record<string, unknown>)[MARK] === "license";
}

/** The event's final `data`: a deferred license is rendered as of `at` (the event's time); anything else is final already. */
export function renderEventData(data: unknown, at: number): unknown {
  if (!isDeferredLicense(data)) return data;
  const license = Object.fromEntries(FIELDS.map((field, i) => [field, data.s[i]])) as unknown as LicenseView;
  // Snapshots recorded before devices were rows: the bound HWIDs, seen as of the event.
  if (license.devices === undefined) license.devices = newDevices(license.hwids, at);
  return licenseEventData(license, at, data.x);
}
