import { GgError, type ErrorDetail } from "../errors/gg-error.ts";
import { parseJsonObject } from "../schemas/json-object.ts";
import { isUuid } from "../crypto/uuid.ts";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "../schemas/text.ts";
import { DEVICE_NAME_MAX, DEVICE_PLATFORM_MAX, type AuthorizeInput, type ReleaseInput } from "./schemas.ts";

export function optionalString(value: unknown, path: string, max: number, details: ErrorDetail[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length === 0 || value.length > max) {
    details.push({ path, message: `Expected a string of 1 to ${max} characters` });
    return undefined;
  }
  if (hasControlCharacter(value)) {
    details.push({ path, message: CONTROL_CHARACTER_MESSAGE });
    return undefined;
  }
  return value;
}

/**
 * The authorize body, checked by hand: this runs on every call of the hot path, and a
 * few typeof checks cost less than a schema compiler (AuthorizeBody documents the shape).
 * Strings follow the same text rule as every schema (schemas/text.ts): no control character.
 */
export function parseAuthorizeBody(raw: string): AuthorizeInput {
  const fields = parseJsonObject(raw);
  const details: ErrorDetail[] = [];
  const licenseKey = optionalString(fields.licenseKey, "/licenseKey", 128, details);
  if (fields.licenseKey === undefined) details.push({ path: "/licenseKey", message: "Required" });
  const hwid = optionalString(fields.hwid, "/hwid", 256, details);
  const appVersion = optionalString(fields.appVersion, "/appVersion", 64, details);
  const sessionId = optionalString(fields.sessionId, "/sessionId", 36, details);
  if (sessionId !== undefined && !isUuid(sessionId)) details.push({ path: "/sessionId", message: "Expected a UUID" });
  const deviceName = optionalString(fields.deviceName, "/deviceName", DEVICE_NAME_MAX, details);
  const devicePlatform = optionalString(fields.devicePlatform, "/devicePlatform", DEVICE_PLATFORM_MAX, details);
  if (details.length > 0) throw new GgError("VALIDATION_ERROR", "Request validation failed", { details });
  return {
    licenseKey: licenseKey!,
    ...(hwid !== undefined ? { hwid } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(appVersion !== undefined ? { appVersion } : {}),
    ...(deviceName !== undefined ? { deviceName } : {}),
    ...(devicePlatform !== undefined ? { devicePlatform } : {}),
  };
}

/** The release body (ReleaseBody documents it), by hand like the authorize body: a license key and a required session UUID. */
export function parseReleaseBody(raw: string): ReleaseInput {
  const fields = parseJsonObject(raw);
  const details: ErrorDetail[] = [];
  const input = sessionCallFields(fields, details);
  if (details.length > 0) throw new GgError("VALIDATION_ERROR", "Request validation failed", { details });
  return input;
}

/**
 * The fields every session call's body has (a license key and a required session UUID),
 * checked into `details`; a call with more fields reads them next and throws once.
 */
export function sessionCallFields(fields: Record<string, unknown>, details: ErrorDetail[]): ReleaseInput {
  const licenseKey = optionalString(fields.licenseKey, "/licenseKey", 128, details);
  if (fields.licenseKey === undefined) details.push({ path: "/licenseKey", message: "Required" });
  const sessionId = optionalString(fields.sessionId, "/sessionId", 36, details);
  if (fields.sessionId === undefined) details.push({ path: "/sessionId", message: "Required" });
  else if (sessionId !== undefined && !isUuid(sessionId)) details.push({ path: "/sessionId", message: "Expected a UUID" });
  return { licenseKey: licenseKey!, sessionId: sessionId! };
}
