import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  AuditEntrySchema,
  AuditFilterQuery,
  auditFilterOf,
  exportAuditLog,
  listAuditLog,
  pageQuerySchema,
  pageRequest,
  verifyAuditLog,
  type GgContext,
  type Logger,
} from "@geckoguard/core";
import { OrgIdParams } from "./route-params.ts";
import { abortOnFailure } from "../http/abort-on-failure.ts";
import { errorLogFields } from "../http/error-mapper.ts";
import { requestIdOf } from "../http/request-log.ts";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Page } from "../openapi/answer-shapes.ts";

const tags = ["Audit log"];
const ListQuery = Type.Object({ ...AuditFilterQuery, ...pageQuerySchema() });
const ExportQuery = Type.Object({ ...AuditFilterQuery, format: Type.Optional(Type.Literal("jsonl", { description: "JSON Lines (the only format)" })) });

const VerifySchema = Type.Object(
  {
    valid: Type.Boolean(),
    entries: Type.Integer({ minimum: 0 }),
    lastSeq: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    lastHash: Type.Union([Type.String(), Type.Null()]),
    firstBadSeq: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: "The first entry whose seq, prevHash or hash does not hold" }),
  },
  { additionalProperties: false },
);

const EXPORT_RESPONSES = {
  200: {
    description: "The matching entries oldest first, one canonical JSON entry per line (streamed)",
    content: { "application/jsonl": { schema: { type: "string" }, example: '{"action":"license.revoked",…,"seq":1}\n' } },
  },
} as const;

/** An org's audit log: list, export, verify (admin+; docs/team-and-audit.md#audit-log). */
export function auditLogRoutes(ctx: GgContext, options: { logger: Logger }) {
  return new Elysia({ prefix: "/v1/dashboard/orgs/:orgId/audit-log" })
    .use(requireUser(ctx))
    .get(
      "",
      async ({ userId, params, query }) => {
        const { items, pagination } = await listAuditLog(ctx, userId, params.orgId, auditFilterOf(query), pageRequest(query));
        return ok({ entries: items, pagination });
      },
      { params: OrgIdParams, query: ListQuery, detail: { summary: "List audit-log entries, newest first", ...answers(Page("entries", AuditEntrySchema)), tags } },
    )
    .get(
      "/export",
      async (context) => {
        const { userId, params, query } = context;
        const stream = await exportAuditLog(ctx, userId, params.orgId, auditFilterOf(query));
        // A read that fails once the 200 is out breaks the transfer and is logged.
        const body = abortOnFailure(stream, (error) => options.logger.error("audit_export.failed", { requestId: requestIdOf(context), ...errorLogFields(error) }));
        return new Response(body, {
          headers: { "content-type": "application/jsonl; charset=utf-8", "content-disposition": 'attachment; filename="audit-log.jsonl"' },
        });
      },
      { params: OrgIdParams, query: ExportQuery, detail: { summary: "Export audit-log entries as JSON Lines, oldest first (streamed)", tags, responses: EXPORT_RESPONSES } },
    )
    .get("/verify", async ({ userId, params }) => ok(await verifyAuditLog(ctx, userId, params.orgId)), {
      params: OrgIdParams,
      detail: { summary: "Recompute the org's hash chain", ...answers(VerifySchema), tags },
    });
}
