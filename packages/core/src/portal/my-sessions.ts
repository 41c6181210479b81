import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import type { SessionRecord } from "../records/session.ts";
import { GgError } from "../errors/gg-error.ts";
import { listActiveSessions, revokeSession } from "../sessions/manage-sessions.ts";
import type { PortalCaller } from "./caller.ts";
import { myLicense } from "./my-licenses.ts";

/** Live sessions of one of the caller's licenses. */
export async function listMySessions(ctx: GgContext, caller: PortalCaller, licenseId: string): Promise<SessionRecord[]> {
  return listActiveSessions(ctx, (await myLicense(ctx, caller, licenseId)).id);
}

/** Kills one live session of the caller's license (the vendor's revoke, same session.revoked event), when the portal allows it. */
export async function revokeMySession(ctx: ActingContext, caller: PortalCaller, licenseId: string, sessionId: string): Promise<void> {
  if (!caller.settings.allowSessionKill) throw new GgError("PERMISSION_DENIED", "This portal does not allow ending sessions");
  const license = await myLicense(ctx, caller, licenseId);
  await revokeSession(ctx, license, caller.endUser.orgId, sessionId);
}
