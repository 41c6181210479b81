import type { GgContext } from "../context.ts";

export type ActorType = "user" | "api_key" | "end_user" | "system";

/** Who made a change, as the audit log names them. `label` is what a reader recognises (an email, a key's name). */
export interface AuditActor {
  type: ActorType;
  id: string;
  label: string;
}

/**
 * Where a change came from: the actor, the client's address (null off HTTP: CLI,
 * clocks) and the request id the answer carried. Routes build it once per request;
 * `label` may be left null for a user, whose email the audit recorder reads in the
 * transaction of the change (one read, and only when something is recorded).
 */
export interface ChangeOrigin {
  actor: Omit<AuditActor, "label"> & { label: string | null };
  ip: string | null;
  requestId: string;
}

/** The context of a use case that changes something: its ports plus who asked. */
export interface ActingContext extends GgContext {
  origin: ChangeOrigin;
}

export function actingAs(ctx: GgContext, origin: ChangeOrigin): ActingContext {
  return { ...ctx, origin };
}

/** A change the deployment makes itself or an operator makes through a CLI command (`id` names which). */
export function systemOrigin(id: string, requestId: string, label: string = id): ChangeOrigin {
  return { actor: { type: "system", id, label }, ip: null, requestId };
}
