import { escapeHtml } from "../pages/action-page.ts";

/** The built dashboard as the plugin serves it (apps/dashboard builds it; the plugin knows only this shape). */
export interface DashboardBundle {
  files: Record<string, { contentType: string; body: string }>;
  /** Names in `files` the page loads as module scripts, and as style sheets. */
  scripts: string[];
  styles: string[];
}

/** Hands out the bundle; may build it on first call (from source) or return the embedded one. */
export type DashboardSource = () => Promise<DashboardBundle>;

/**
 * The dashboard runs only its own files: no inline script or style attribute in the
 * HTML, no eval, no other origin. `img-src data:` is for the TOTP QR code, drawn
 * in the page; `style-src 'self'` covers the sheet (the DOM's style properties that
 * scripts set are not governed by CSP).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
].join("; ");

/** Where the dashboard is mounted, for its router and API calls: read from this meta tag. */
export const BASE_META = "gg-base";

/** The one HTML page of the dashboard: every page path answers it and the script routes. */
export function renderDashboardHtml(bundle: DashboardBundle, prefix: string): string {
  const asset = (name: string) => escapeHtml(`${prefix}/assets/${name}`);
  const styles = bundle.styles.map((name) => `<link rel="stylesheet" href="${asset(name)}">`).join("");
  const scripts = bundle.scripts.map((name) => `<script type="module" src="${asset(name)}"></script>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="${BASE_META}" content="${escapeHtml(prefix)}">
<title>GeckoGuard</title><link rel="icon" href="data:,">${styles}${scripts}</head>
<body><div id="app"></div><noscript>The GeckoGuard dashboard needs JavaScript.</noscript></body></html>`;
}
