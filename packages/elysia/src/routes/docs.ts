import { Elysia, type AnyElysia } from "elysia";
import { buildOpenApiDocument, type OpenApiDocument } from "../openapi/openapi-document.ts";
import { DOCS_PAGE_CSP, renderDocsPage } from "../openapi/docs-page.ts";

export const DOCS_PATH = "/docs";
export const SPEC_PATH = "/docs/json";

/**
 * GET /docs (a self-contained HTML page) and GET /docs/json (the OpenAPI 3.1 document),
 * both public and left out of the document itself. `routes` reads the plugin's own route
 * table when asked, so routes registered after this one are included, a host's are not.
 */
export function docsRoutes(routes: () => AnyElysia["routes"], options: { prefix: string; version: string }) {
  let cached: { routeCount: number; document: OpenApiDocument; page: string } | null = null;
  const current = () => {
    const table = routes();
    if (cached === null || cached.routeCount !== table.length) {
      const document = buildOpenApiDocument(table, options);
      cached = { routeCount: table.length, document, page: renderDocsPage(document, options.prefix + SPEC_PATH) };
    }
    return cached;
  };
  return new Elysia()
    .get(SPEC_PATH, () => current().document, { detail: { hide: true } })
    .get(DOCS_PATH, () => new Response(current().page, { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": DOCS_PAGE_CSP } }), { detail: { hide: true } });
}
