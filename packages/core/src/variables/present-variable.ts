import { toIso } from "../clock.ts";
import type { LicenseVariableRecord, ProductVariableRecord } from "../records/variable.ts";

/** A product variable as lists show it: a secret's value only to a reader who may see secrets. */
export function presentProductVariable(variable: ProductVariableRecord, seesSecrets: boolean) {
  return {
    name: variable.name,
    value: variable.secret && !seesSecrets ? null : variable.value,
    secret: variable.secret,
    description: variable.description,
    createdAt: toIso(variable.createdAt),
    updatedAt: toIso(variable.updatedAt),
  };
}

/** A license's override; `secret` when it overrides a secret product variable. */
export function presentLicenseVariable(variable: LicenseVariableRecord & { secret?: boolean }, seesSecrets: boolean) {
  return {
    name: variable.name,
    value: variable.secret === true && !seesSecrets ? null : variable.value,
    secret: variable.secret === true,
    createdAt: toIso(variable.createdAt),
    updatedAt: toIso(variable.updatedAt),
  };
}
