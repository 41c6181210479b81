import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  ExportQuery,
  GgError,
  csvImportItems,
  exportLicenses,
  importLicenses,
  jsonImportItems,
  licenseFilterOf,
  orgLicenseScope,
  productOfOrg,
  readJsonImport,
  type GgContext,
  type Logger,
} from "@geckoguard/core";
import { OrgIdParams } from "./route-params.ts";
import { abortOnFailure } from "../http/abort-on-failure.ts";
import { errorLogFields } from "../http/error-mapper.ts";
import { requestIdOf } from "../http/request-log.ts";
import { ok } from "../http/envelope.ts";
import { answerHoldsLicenseKeys } from "../http/no-store.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Count } from "../openapi/answer-shapes.ts";

/** The export is streamed, not built by the envelope helper, so its answer is described here. */
const EXPORT_RESPONSES = {
  200: {
    description: "The licenses: CSV (?format=csv, the default) or the JSON envelope",
    content: {
      "text/csv": { schema: { type: "string" }, example: "id,key,productId,status\n…" },
      "application/json": {
        schema: {
          type: "object",
          properties: { ok: { const: true }, data: { type: "object", properties: { licenses: { type: "array", items: { $ref: "#/components/schemas/License" } } } } },
        },
        example: { ok: true, data: { licenses: [] } },
      },
    },
  },
} as const;

const tags = ["Licenses"];
/** Imports may be far larger than ordinary bodies (a million-license CSV is ~200 MB). */
export const DEFAULT_IMPORT_LIMIT_BYTES = 512 * 1024 * 1024;

/**
 * Export (streamed) and import (streamed, all-or-nothing). The plugin mounts these before
 * its JSON body parser, so the import handler reads the raw body itself.
 */
export function licenseTransferRoutes(ctx: GgContext, options: { importLimitBytes: number; logger: Logger }) {
  return new Elysia({ prefix: "/v1/dashboard/orgs/:orgId/licenses" })
    .use(requireUser(ctx))
    .get(
      "/export",
      async (context) => {
        const { userId, params, query } = context;
        const scope = await orgLicenseScope(ctx, userId, params.orgId, "read");
        const format = query.format ?? "csv";
        // A read that fails once the 200 is out breaks the transfer and is logged (docs/licenses-export-import.md).
        const stream = abortOnFailure(exportLicenses(ctx, scope, licenseFilterOf(query), format), (error) =>
          options.logger.error("export.failed", { requestId: requestIdOf(context), ...errorLogFields(error) }),
        );
        return new Response(stream, {
          headers: {
            "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
            "content-disposition": `attachment; filename="licenses.${format}"`,
          },
        });
      },
      {
        transform: answerHoldsLicenseKeys,
        params: OrgIdParams,
        query: ExportQuery,
        detail: { summary: "Export licenses as CSV or JSON (streamed; list filters apply)", tags, responses: EXPORT_RESPONSES },
      },
    )
    .post(
      "/import",
      async ({ acting, userId, params, query, request }) => {
        await orgLicenseScope(ctx, userId, params.orgId, "manageLicenses");
        if (request.body === null) throw new GgError("VALIDATION_ERROR", "Send the export's CSV (text/csv) or JSON {productId, licenses:[…]}");
        const isCsv = (request.headers.get("content-type") ?? "").startsWith("text/csv");
        if (isCsv) {
          if (!query.productId) throw new GgError("VALIDATION_ERROR", "CSV imports need ?productId=", { details: [{ path: "/productId", message: "Required" }] });
          const product = await productOfOrg(ctx, params.orgId, query.productId);
          return ok(await importLicenses(acting, product, csvImportItems(request.body, options.importLimitBytes)));
        }
        const body = await readJsonImport(request.body, options.importLimitBytes);
        const productId = query.productId ?? (typeof body.productId === "string" ? body.productId : undefined);
        if (!productId || !/^[0-9a-f-]{36}$/i.test(productId)) {
          throw new GgError("VALIDATION_ERROR", "Name the product with ?productId= or body.productId", { details: [{ path: "/productId", message: "Required UUID" }] });
        }
        const product = await productOfOrg(ctx, params.orgId, productId);
        return ok(await importLicenses(acting, product, jsonImportItems(body.licenses as unknown[])));
      },
      {
        params: OrgIdParams,
        query: Type.Object({ productId: Type.Optional(Type.String({ format: "uuid" })) }),
        parse: "none",
        detail: {
          summary: "Import licenses (the export's CSV or JSON); all or nothing", ...answers(Count("imported"), { errors: ["CONFLICT"] }),
          tags,
          // Streamed raw by the handler, so only documented here.
          requestBody: {
            required: true,
            content: {
              "text/csv": { schema: { type: "string", description: "The export's CSV; needs ?productId=" } },
              "application/json": { schema: { type: "object", required: ["licenses"], properties: { productId: { type: "string", format: "uuid" }, licenses: { type: "array", items: { type: "object" } } } } },
            },
          },
        },
      },
    );
}
