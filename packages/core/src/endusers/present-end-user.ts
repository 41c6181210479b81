import type { EndUserRecord } from "../records/end-user.ts";
import { toIso } from "../clock.ts";

/** An end user as every answer and webhook payload shows it. */
export function presentEndUser(endUser: EndUserRecord) {
  return {
    id: endUser.id,
    orgId: endUser.orgId,
    username: endUser.username,
    email: endUser.email,
    createdAt: toIso(endUser.createdAt),
    updatedAt: toIso(endUser.updatedAt),
  };
}
