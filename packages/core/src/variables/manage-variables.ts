import type { GgContext } from "../context.ts";
import type { AuditChanges } from "../audit/audit-entry.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAppDataAudit } from "../versions/app-data-audit.ts";
import type { LicenseVariableRecord, ProductVariableRecord } from "../records/variable.ts";
import type { LicenseView } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { assertKeyCan } from "../apikeys/principal.ts";
import { assertProductCaller, type Caller, type ProductNeed } from "../products/caller-access.ts";
import { productAccess } from "../products/product-access.ts";
import { roleAtLeast } from "../orgs/roles.ts";
import { dashboardLicense } from "../licenses/license-access.ts";
import { assertVariableName, assertVariableValue, MAX_VARIABLES } from "./variable-rules.ts";
import type { LicenseVariableInput, ProductVariableInput } from "./schemas.ts";

/** Admins (and `variable:write` keys) change variables; anyone who reads the product lists them, secrets masked below admin. */
const WRITE: ProductNeed = { action: "manageProducts", scope: "variable:write" };

/**
 * Whether the caller may read the product's variables, and see secret values: a user with
 * any role reads, an admin or owner also sees secrets; a key needs `variable:read` and
 * never sees a secret (only the app's signed call receives it).
 */
async function readerOf(ctx: GgContext, caller: Caller, productId: string): Promise<{ seesSecrets: boolean }> {
  if (caller.kind === "apiKey") {
    assertKeyCan(caller.apiKey, productId, "variable:read");
    return { seesSecrets: false };
  }
  const { role } = await productAccess(ctx, caller.userId, productId, "read");
  return { seesSecrets: roleAtLeast(role, "admin") };
}

/** Creates or replaces a product variable; a new name beyond the 200th is refused and nothing changes. */
export async function putProductVariable(ctx: ActingContext, caller: Caller, productId: string, name: string, input: ProductVariableInput): Promise<ProductVariableRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE);
  assertVariableName(name);
  assertVariableValue(input.value);
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const existing = await tx.variables.findProductVariable(productId, name);
    if (existing === null && (await tx.variables.listProductVariables(productId)).length >= MAX_VARIABLES) {
      throw new GgError("VALIDATION_ERROR", `A product holds at most ${MAX_VARIABLES} variables`);
    }
    const record: ProductVariableRecord = {
      productId,
      name,
      value: input.value,
      secret: input.secret ?? false,
      description: input.description ?? null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await tx.variables.putProductVariable(record);
    await recordAppDataAudit(tx, ctx, productId, "variable.set", { type: "variable", id: `${productId}/${name}` }, variableChanges(existing, record), now);
    return record;
  });
}

/** What moved; a secret's value (before or after) is never written to the audit log. */
function variableChanges(before: ProductVariableRecord | null, after: ProductVariableRecord): AuditChanges {
  const hidden = before?.secret === true || after.secret;
  const changes: AuditChanges = {};
  if (!hidden && before?.value !== after.value) changes.value = [before?.value ?? null, after.value];
  if (before?.secret !== after.secret) changes.secret = [before?.secret ?? null, after.secret];
  if ((before?.description ?? null) !== after.description) changes.description = [before?.description ?? null, after.description];
  return changes;
}

/** The product's variables by name; `value` is null for a secret the caller may not see. */
export async function listProductVariables(ctx: GgContext, caller: Caller, productId: string): Promise<{ variables: ProductVariableRecord[]; seesSecrets: boolean }> {
  const { seesSecrets } = await readerOf(ctx, caller, productId);
  return { variables: await ctx.store.variables.listProductVariables(productId), seesSecrets };
}

export async function deleteProductVariable(ctx: ActingContext, caller: Caller, productId: string, name: string): Promise<void> {
  await assertProductCaller(ctx, caller, productId, WRITE);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.variables.deleteProductVariable(productId, name))) throw new GgError("NOT_FOUND", "Variable not found");
    await recordAppDataAudit(tx, ctx, productId, "variable.deleted", { type: "variable", id: `${productId}/${name}` }, null, now);
  });
}

/** A license the dashboard user may change variables of (admin+), or read them (any role): another tenant's is 404. */
async function licenseFor(ctx: GgContext, userId: string, licenseId: string, write: boolean): Promise<{ license: LicenseView; seesSecrets: boolean }> {
  const { license } = await dashboardLicense(ctx, userId, licenseId, write ? "manageProducts" : "read");
  const { role } = await productAccess(ctx, userId, license.productId, "read");
  return { license, seesSecrets: roleAtLeast(role, "admin") };
}

/** Creates or replaces a license's override; a new name beyond the 200th is refused. */
export async function putLicenseVariable(ctx: ActingContext, userId: string, licenseId: string, name: string, input: LicenseVariableInput): Promise<LicenseVariableRecord> {
  const { license } = await licenseFor(ctx, userId, licenseId, true);
  assertVariableName(name);
  assertVariableValue(input.value);
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const existing = await tx.variables.findLicenseVariable(license.id, name);
    if (existing === null && (await tx.variables.listLicenseVariables(license.id)).length >= MAX_VARIABLES) {
      throw new GgError("VALIDATION_ERROR", `A license holds at most ${MAX_VARIABLES} variable overrides`);
    }
    const record: LicenseVariableRecord = { licenseId: license.id, name, value: input.value, createdAt: existing?.createdAt ?? now, updatedAt: now };
    await tx.variables.putLicenseVariable(record);
    const secret = (await tx.variables.findProductVariable(license.productId, name))?.secret === true;
    const changes = secret ? null : { value: [existing?.value ?? null, record.value] as [unknown, unknown] };
    await recordAppDataAudit(tx, ctx, license.productId, "license_variable.set", { type: "license_variable", id: `${license.id}/${name}` }, changes, now);
    return record;
  });
}

/**
 * A license's overrides by name. An override of a secret product variable is a secret
 * too: its value is null for roles below admin.
 */
export async function listLicenseVariables(ctx: GgContext, userId: string, licenseId: string): Promise<{ variables: (LicenseVariableRecord & { secret: boolean })[]; seesSecrets: boolean }> {
  const { license, seesSecrets } = await licenseFor(ctx, userId, licenseId, false);
  const [overrides, productVariables] = await Promise.all([ctx.store.variables.listLicenseVariables(license.id), ctx.store.variables.listProductVariables(license.productId)]);
  const secret = new Set(productVariables.filter((v) => v.secret).map((v) => v.name));
  return { variables: overrides.map((v) => ({ ...v, secret: secret.has(v.name) })), seesSecrets };
}

export async function deleteLicenseVariable(ctx: ActingContext, userId: string, licenseId: string, name: string): Promise<void> {
  const { license } = await licenseFor(ctx, userId, licenseId, true);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.variables.deleteLicenseVariable(license.id, name))) throw new GgError("NOT_FOUND", "Variable not found");
    await recordAppDataAudit(tx, ctx, license.productId, "license_variable.deleted", { type: "license_variable", id: `${license.id}/${name}` }, null, now);
  });
}
