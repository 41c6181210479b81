import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 5;
const GROUP_LENGTH = 5;

/**
 * `GG-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`: 25 Crockford base32 characters = 125 bits from
 * the CSPRNG (≥ 100 required: docs/licenses.md#license-keys), grouped for humans.
 */
export function newLicenseKey(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH);
  const chars = Array.from(bytes, (b) => CROCKFORD[b & 31]).join("");
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) groups.push(chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
  return `GG-${groups.join("-")}`;
}

/** Keys are compared as typed but trimmed; generated keys are upper case. */
export function normalizeLicenseKey(key: string): string {
  return key.trim();
}
