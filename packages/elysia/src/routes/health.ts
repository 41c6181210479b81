import { Elysia } from "elysia";
import type { GgContext } from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Type } from "@sinclair/typebox";

const StatusSchema = Type.Object(
  {
    status: Type.Union([Type.Literal("ok"), Type.Literal("degraded")]),
    version: Type.String({ examples: ["1.0.0"] }),
    uptimeSeconds: Type.Integer({ minimum: 0, examples: [3600] }),
    database: Type.Object({ reachable: Type.Boolean() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export interface HealthOptions {
  version: string;
  startedAt: number;
}

/** Liveness without a database call, and a status page that pings the database. */
export function healthRoutes(ctx: GgContext, options: HealthOptions) {
  return new Elysia()
    .get("/health", () => ok({ status: "ok" }), { detail: { summary: "Liveness probe", ...answers(Type.Object({ status: Type.Literal("ok") }, { additionalProperties: false })), tags: ["Status"] } })
    .get(
      "/v1/status",
      async () => {
        let reachable = true;
        try {
          await ctx.store.ping();
        } catch {
          reachable = false;
        }
        return ok({
          status: reachable ? "ok" : "degraded",
          version: options.version,
          uptimeSeconds: Math.floor((ctx.clock.now() - options.startedAt) / 1000),
          database: { reachable },
        });
      },
      { detail: { summary: "Version, uptime and database reachability", ...answers(StatusSchema), tags: ["Status"] } },
    );
}
