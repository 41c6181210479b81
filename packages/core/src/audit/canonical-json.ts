/**
 * The audit chain's canonical JSON: object keys sorted (by UTF-16 code units, as
 * `Array.prototype.sort` orders them) at every depth, no whitespace, every value
 * rendered as `JSON.stringify` renders it. Values are plain JSON (no undefined, no
 * functions): what the log stores and the export prints. docs/verify-audit-log.ts
 * holds a copy for verifiers outside the server; a test keeps the two equal.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
}
