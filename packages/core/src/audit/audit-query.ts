import { Type, type Static } from "@sinclair/typebox";
import { GgError, type ErrorDetail } from "../errors/gg-error.ts";
import type { AuditFilter } from "../ports/audit.ts";
import { SingleLine } from "../schemas/text.ts";

/** The longest from–to window a query may ask for. */
export const MAX_AUDIT_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;
/** A calendar date (taken as 00:00 UTC) or an RFC 3339 date-time with its offset. */
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const Text = (description: string) => Type.Optional(SingleLine({ minLength: 1, maxLength: 200, description }));

/** The filters of the list and the export (each optional; they combine with AND). */
export const AuditFilterQuery = {
  actorId: Text("Entries by this actor (a user, API key or end-user id, or a system actor's name)"),
  action: Text("Exact action, e.g. license.revoked"),
  resourceType: Text("e.g. license, product, api_key"),
  resourceId: Text("The changed resource's id"),
  from: Text("Earliest time, inclusive: YYYY-MM-DD (00:00 UTC) or an RFC 3339 date-time"),
  to: Text(`Latest time, inclusive: like from; at most ${MAX_AUDIT_RANGE_DAYS} days after it`),
};
const AuditFilterQuerySchema = Type.Object(AuditFilterQuery);
export type AuditFilterInput = Static<typeof AuditFilterQuerySchema>;

/** Date.parse rolls 2026-02-30 over to March and accepts 24:00: refuse what is not on the calendar or the clock. */
function realDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !/T24:/.test(value);
}

function timeOf(name: "from" | "to", value: string | undefined, details: ErrorDetail[]): number | undefined {
  if (value === undefined) return undefined;
  const ms = DATE_OR_TIME.test(value) && realDay(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) details.push({ path: `/${name}`, message: "Expected YYYY-MM-DD or an RFC 3339 date-time" });
  // A bare date as `to` means the whole of that day.
  return name === "to" && value.length === 10 && !Number.isNaN(ms) ? ms + DAY_MS - 1 : ms;
}

/** The query as a store filter; bad dates, `from` after `to` and windows over 366 days are 400 VALIDATION_ERROR. */
export function auditFilterOf(query: AuditFilterInput): AuditFilter {
  const details: ErrorDetail[] = [];
  const from = timeOf("from", query.from, details);
  const to = timeOf("to", query.to, details);
  if (details.length === 0 && from !== undefined && to !== undefined) {
    if (from > to) details.push({ path: "/from", message: "from is after to" });
    else if (to - from > MAX_AUDIT_RANGE_DAYS * DAY_MS) details.push({ path: "/to", message: `The range may span at most ${MAX_AUDIT_RANGE_DAYS} days` });
  }
  if (details.length > 0) throw new GgError("VALIDATION_ERROR", details.map((d) => d.message).join("; "), { details });
  const filter: AuditFilter = {};
  if (query.actorId !== undefined) filter.actorId = query.actorId;
  if (query.action !== undefined) filter.action = query.action;
  if (query.resourceType !== undefined) filter.resourceType = query.resourceType;
  if (query.resourceId !== undefined) filter.resourceId = query.resourceId;
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  return filter;
}
