import type { Static, TSchema, TUnknown } from "@sinclair/typebox";
import type { ActingContext, ErrorCode, OrgAction, Scope } from "@geckoguard/core";

/**
 * One operation shared by the dashboard and management route families: its request
 * schemas, the use case it calls, the presenter and the status, written once. The
 * credential is the only difference between the families: each family turns its
 * credential (a user's org role, or an API key's product and scopes) into the operation's
 * `Reach` for the operation's `need`, and mounts the operation at its own path
 * (`mount-operations.ts`).
 */
export interface Operation<Reach> {
  /**
   * What the credential must hold: a user needs the org role for `action`, a key the
   * `scope`. Absent when the use case takes the caller and checks it itself.
   */
  need?: Need;
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  /** Answer status when it is not 200 (201 for creations). */
  status?: number;
  /** The answer's `data` shape and the codes its use case adds, for the OpenAPI document (answer-doc.ts). */
  answer: TSchema;
  errors?: ErrorCode[];
  /** `ctx` names the request's credential as the origin of any change (the audit log). */
  run(ctx: ActingContext, reach: Reach, input: OperationInput): Promise<unknown>;
}

export interface Need {
  action: OrgAction;
  /** null: the key's own product is enough. */
  scope: Scope | null;
}

export interface OperationInput {
  params: Record<string, string | undefined>;
  query: unknown;
  body: unknown;
}

/** Without its own params schema an operation takes whatever params its mount declares. */
type Typed<P extends TSchema, Q extends TSchema, B extends TSchema> = {
  params: P extends TUnknown ? Record<string, string | undefined> : Static<P>;
  query: Static<Q>;
  body: Static<B>;
};

/** An operation whose `run` sees its input typed by its own schemas (validated before `run`). */
export function operation<Reach, P extends TSchema = TUnknown, Q extends TSchema = TUnknown, B extends TSchema = TUnknown>(definition: {
  need?: Need;
  params?: P;
  query?: Q;
  body?: B;
  status?: number;
  answer: TSchema;
  errors?: ErrorCode[];
  run(ctx: ActingContext, reach: Reach, input: Typed<P, Q, B>): Promise<unknown>;
}): Operation<Reach> {
  return definition as Operation<Reach>;
}
