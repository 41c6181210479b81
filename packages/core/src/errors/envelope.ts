import type { ErrorCode } from "./catalogue.ts";
import type { ErrorDetail } from "./gg-error.ts";

/** `{ ok: true, data }`: every successful answer. */
export function ok<T>(data: T) {
  return { ok: true as const, data };
}

/** `{ ok: false, error }`: every failed answer, unknown routes included. */
export function fail(code: ErrorCode, message: string, details?: ErrorDetail[]) {
  return { ok: false as const, error: details ? { message, code, details } : { message, code } };
}
