import { GgError } from "../errors/gg-error.ts";
import { MAX_VARIABLE_VALUE_BYTES, VARIABLE_NAME_PATTERN } from "./schemas.ts";

export { MAX_VARIABLES } from "./schemas.ts";

const NAME = new RegExp(VARIABLE_NAME_PATTERN);
const utf8 = new TextEncoder();

/** A name from the path: 1–64 of A–Z, a–z, 0–9, `_`, `.`, `-` (docs/variables.md). */
export function assertVariableName(name: string): void {
  if (!NAME.test(name)) {
    throw new GgError("VALIDATION_ERROR", "Invalid variable name", { details: [{ path: "/name", message: "Expected 1–64 of A–Z, a–z, 0–9, _, . or -" }] });
  }
}

/** At most 16 KiB of UTF-8: the schema's maxLength counts characters, not bytes. */
export function assertVariableValue(value: string): void {
  if (utf8.encode(value).length > MAX_VARIABLE_VALUE_BYTES) {
    throw new GgError("VALIDATION_ERROR", "Variable value too large", { details: [{ path: "/value", message: `At most ${MAX_VARIABLE_VALUE_BYTES} bytes (UTF-8)` }] });
  }
}
