import type { GgContext } from "../context.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import type { LicenseView } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { dummyHashFor } from "../auth/login.ts";
import { newEndUser } from "../endusers/manage-end-users.ts";
import { recordEndUserCreated } from "../webhooks/record-event.ts";
import { openPortal } from "./settings.ts";
import { issueEndUserPair, type EndUserTokenPair } from "./end-user-tokens.ts";
import { redeemableInOrg, redeemForSelf } from "./redeem-for-self.ts";
import { auditEndUser, auditLicense, endUserOrigin, type RequestPlace } from "./audit.ts";
import type { EndUserLoginInput, EndUserRegisterInput } from "./schemas.ts";

/**
 * A customer's own account. Allowed with the org's self-registration on, or with a
 * license key of the org nobody owns yet, which the new account redeems in the same
 * transaction. Refusals are decided before the password is hashed and write nothing.
 */
export async function registerEndUser(ctx: GgContext, input: EndUserRegisterInput, place: RequestPlace): Promise<{ endUser: EndUserRecord; license: LicenseView | null }> {
  const settings = await openPortal(ctx, input.orgId);
  const license = input.licenseKey === undefined ? null : await redeemableInOrg(ctx, input.orgId, input.licenseKey);
  if (license === null && !settings.selfRegistration) {
    throw new GgError("PERMISSION_DENIED", "This portal registers customers with a license key only: pass licenseKey");
  }
  const passwordHash = await ctx.passwords.hash(input.password);
  const endUser = newEndUser(ctx, input.orgId, { username: input.username, email: input.email });
  return ctx.store.transaction(async (tx) => {
    if (await tx.endUserAccounts.emailTaken(input.orgId, input.email)) {
      throw new GgError("CONFLICT", "An end user with this email already exists in the organization");
    }
    await tx.endUsers.insert(endUser);
    await tx.endUserAccounts.setPassword(endUser.id, passwordHash, endUser.createdAt);
    await recordEndUserCreated(tx, endUser, endUser.createdAt);
    const origin = endUserOrigin(endUser, place);
    await auditEndUser(tx, origin, "end_user.created", endUser, { username: [null, endUser.username], email: [null, endUser.email] }, endUser.createdAt);
    const redeemed = license === null ? null : await redeemForSelf(tx, license, endUser, endUser.createdAt);
    if (redeemed !== null) await auditLicense(tx, origin, "license.redeemed", redeemed, input.orgId, { endUserId: [null, endUser.id] }, endUser.createdAt);
    return { endUser, license: redeemed };
  });
}

/**
 * Login by email or username within one org. Unknown login and wrong password give the
 * same error after the same work (one argon2 verify), as for dashboard accounts.
 */
export async function loginEndUser(ctx: GgContext, input: EndUserLoginInput): Promise<EndUserTokenPair> {
  await openPortal(ctx, input.orgId);
  const account = await ctx.store.endUserAccounts.findForLogin(input.orgId, input.login);
  const passwordOk = await ctx.passwords.verify(account?.passwordHash ?? (await dummyHashFor(ctx.passwords)), input.password);
  if (account === null || !passwordOk) throw new GgError("INVALID_CREDENTIALS", "Invalid login or password");
  return issueEndUserPair(ctx, account.endUser);
}
