import { Elysia } from "elysia";
import { GgError } from "@geckoguard/core";
import { gzipSync } from "node:zlib";
import { DASHBOARD_CSP, renderDashboardHtml, type DashboardBundle, type DashboardSource } from "./dashboard-page.ts";

/**
 * The paths that answer the dashboard's page; the script shows the right screen. Named
 * one by one (no catch-all) so an unknown API path still gets the JSON 404. The mailed
 * links open /verify-email and /reset-password.
 */
export const DASHBOARD_PAGE_PATHS = ["/", "/sign-in", "/register", "/forgot-password", "/verify-email", "/reset-password", "/app", "/app/*"] as const;

interface Served {
  html: string;
  files: Map<string, { contentType: string; body: string; gzip: Uint8Array<ArrayBuffer> }>;
}

function prepare(bundle: DashboardBundle, prefix: string): Served {
  const files = new Map(Object.entries(bundle.files).map(([name, file]) => [name, { ...file, gzip: new Uint8Array(gzipSync(file.body)) }]));
  return { html: renderDashboardHtml(bundle, prefix), files };
}

const acceptsGzip = (request: Request) => /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");

/**
 * GET the dashboard's page and its hashed files (docs/dashboard.md). The bundle is asked
 * for on the first request, so a server that nobody opens in a browser never builds it.
 */
export function dashboardRoutes(source: DashboardSource, prefix: string) {
  let served: Promise<Served> | null = null;
  const load = () => (served ??= source().then((bundle) => prepare(bundle, prefix)));
  const page = async () =>
    new Response((await load()).html, {
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": DASHBOARD_CSP, "cache-control": "no-store" },
    });
  const app = new Elysia({ name: "geckoguard-dashboard" });
  for (const path of DASHBOARD_PAGE_PATHS) app.get(path, page, { detail: { hide: true } });
  return app.get(
    "/assets/:name",
    async ({ params, request }) => {
      const file = (await load()).files.get(params.name);
      if (file === undefined) throw new GgError("NOT_FOUND", "No such dashboard file");
      const gzip = acceptsGzip(request);
      return new Response(gzip ? file.gzip : file.body, {
        headers: {
          "content-type": file.contentType,
          "cache-control": "public, max-age=31536000, immutable",
          vary: "accept-encoding",
          ...(gzip ? { "content-encoding": "gzip" } : {}),
        },
      });
    },
    { detail: { hide: true } },
  );
}
