import type { AuditChanges } from "./audit-entry.ts";

/**
 * The fields of `fields` whose value moved from `before` to `after`, as [before, after]
 * (compared as JSON, so equal arrays and objects are unchanged); null when none did.
 * Name only fields that are safe to keep forever: never a secret, hash or token.
 */
export function changedFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): AuditChanges | null {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[field] = [was, now];
  }
  return Object.keys(changes).length === 0 ? null : changes;
}

/** A creation: each named field as [null, value]. */
export function createdFields<T extends object>(created: T, fields: readonly (keyof T & string)[]): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) changes[field] = [null, created[field] ?? null];
  return changes;
}
