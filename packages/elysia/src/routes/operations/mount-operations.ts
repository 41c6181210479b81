import type { Elysia } from "elysia";
import type { TSchema } from "@sinclair/typebox";
import type { ActingContext, GgContext } from "@geckoguard/core";
import { ok } from "../../http/envelope.ts";
import { answers } from "../../openapi/answer-doc.ts";
import type { Need, Operation, OperationInput } from "./operation.ts";

export type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** Where and how one family exposes an operation. */
export interface Mount<Reach> {
  method: Method;
  path: string;
  operation: Operation<Reach>;
  summary: string;
  /**
   * Only where the family changes what a request names or may ask: a dashboard path
   * names an org, so the product comes in the body or query (a key's product is its own
   * and is not a filter); the management license list pages at most 200.
   */
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
}

/** The handler context of a guarded route, as the family's `reach` sees it. */
export type GuardedContext = OperationInput & { userId?: string; apiKey?: unknown; acting: ActingContext; set: { status?: number | string } };

/** The family's credential, turned into what the operation runs with (throws when refused). */
export type ReachOf<Reach> = (context: GuardedContext, need: Need | undefined) => Reach | Promise<Reach>;

// Elysia's route-typing generics do not survive a table of routes; the schemas still validate.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyElysia = Elysia<any, any, any, any, any, any, any>;

/** Registers each mount on `app` (which carries the family's guard), in order. */
export function mountOperations<Reach>(app: AnyElysia, ctx: GgContext, family: { tags: string[]; reach: ReachOf<Reach> }, mounts: Mount<Reach>[]) {
  for (const mount of mounts) {
    const { operation } = mount;
    const schemas = { params: mount.params ?? operation.params, query: mount.query ?? operation.query, body: mount.body ?? operation.body };
    const hook: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(schemas)) if (schema !== undefined) hook[name] = schema;
    hook.detail = { summary: mount.summary, tags: family.tags, ...answers(operation.answer, { status: operation.status, errors: operation.errors }) };
    app.route(
      mount.method,
      mount.path,
      async (elysiaContext: object) => {
        const context = elysiaContext as GuardedContext;
        const data = await operation.run(context.acting, await family.reach(context, operation.need), context);
        if (operation.status !== undefined) context.set.status = operation.status;
        return ok(data);
      },
      hook,
    );
  }
  return app;
}
