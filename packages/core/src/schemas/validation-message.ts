import { ValueErrorType } from "@sinclair/typebox/errors";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "./text.ts";

interface SchemaError {
  type?: unknown;
  value?: unknown;
  message?: string;
  schema?: unknown;
}

/**
 * The reason to show for one schema error, in words rather than TypeBox's: a pattern
 * failure caused by a control character says so instead of quoting the pattern, and a
 * failed union (`expiresAt`: a timestamp or null) names what its branches accept.
 * Values are never echoed.
 */
export function validationMessage(error: SchemaError): string {
  if (error.type === ValueErrorType.StringPattern && typeof error.value === "string" && hasControlCharacter(error.value)) return CONTROL_CHARACTER_MESSAGE;
  if (error.type === ValueErrorType.Union) {
    const union = error.schema as { anyOf?: { description?: string; type?: string }[] } | undefined;
    const branches = (union?.anyOf ?? []).map((branch) => branch.description ?? (branch.type === "null" ? "null" : undefined));
    if (branches.length > 0 && branches.every((b) => b !== undefined) && branches.some((b) => b !== "null")) return `Expected ${branches.join(" or ")}`;
  }
  return error.message ?? "Invalid value";
}
