import { GgError, type ErrorDetail } from "../errors/gg-error.ts";
import { parseJsonObject } from "../schemas/json-object.ts";
import { sessionCallFields } from "../authorize/parse-body.ts";
import { sessionLicenseCall, type SessionCallInput, type SignedCallResult } from "../authorize/session-call.ts";
import type { AuthorizeDeps, AuthorizeRequest } from "../authorize/signed-call.ts";
import { MAX_VARIABLES, VARIABLE_NAME_PATTERN } from "./schemas.ts";

const NAME = new RegExp(VARIABLE_NAME_PATTERN);

export interface VariablesCallInput extends SessionCallInput {
  names?: string[];
}

/** The variables call's body (VariablesCallBody documents it), by hand like authorize's. */
export function parseVariablesBody(raw: string): VariablesCallInput {
  const fields = parseJsonObject(raw);
  const details: ErrorDetail[] = [];
  const input = sessionCallFields(fields, details);
  const { names } = fields;
  if (names !== undefined) {
    if (!Array.isArray(names) || names.length === 0 || names.length > MAX_VARIABLES) {
      details.push({ path: "/names", message: `Expected an array of 1 to ${MAX_VARIABLES} names` });
    } else {
      names.forEach((name, i) => {
        if (typeof name !== "string" || !NAME.test(name)) details.push({ path: `/names/${i}`, message: "Expected 1–64 of A–Z, a–z, 0–9, _, . or -" });
      });
    }
  }
  if (details.length > 0) throw new GgError("VALIDATION_ERROR", "Request validation failed", { details });
  return names === undefined ? input : { ...input, names: names as string[] };
}

/**
 * POST /v1/licenses/variables (docs/variables.md): signed and checked like authorize,
 * needs a live session; answers the license's variables, its overrides over the
 * product's values, secret ones included. Names asked for that do not exist are left out.
 */
export function readLicenseVariables(deps: AuthorizeDeps, request: AuthorizeRequest): Promise<SignedCallResult<{ variables: Record<string, string> }>> {
  return sessionLicenseCall(deps, request, parseVariablesBody, async (input, { license }) => {
    const all = await deps.store.appVariables(license.productId, license.id);
    if (input.names === undefined) return { variables: all };
    // fromEntries defines own properties, so a name such as `__proto__` stays a plain key.
    return { variables: Object.fromEntries(input.names.filter((name) => Object.hasOwn(all, name)).map((name) => [name, all[name]!])) };
  });
}
