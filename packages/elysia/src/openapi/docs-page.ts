import { createHash } from "node:crypto";
import type { OpenApiDocument } from "./openapi-document.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.6rem;overflow:auto}
h2{margin-top:2rem;border-bottom:1px solid #ddd}details{border:1px solid #e3e3e3;margin:.3rem 0;padding:.2rem .6rem}
summary{cursor:pointer}.m{display:inline-block;width:4.5rem;font-weight:700}.get{color:#1a7f37}.post{color:#0550ae}
.patch{color:#8250df}.delete{color:#cf222e}.auth{font-size:12px;background:#eef;border-radius:3px;padding:0 .4rem;margin-left:.4rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
input{font:inherit;padding:.3rem;width:100%;box-sizing:border-box;margin:.5rem 0}`;

/** Renders the embedded document: operations grouped by tag, each with auth, parameters and body. */
const SCRIPT = `
const doc = JSON.parse(document.getElementById("spec").textContent);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
};
const deref = (item) => (item.$ref ? item.$ref.split("/").slice(1).reduce((node, key) => node[key], doc) : item);
const authLabel = (security) =>
  security.length === 0 ? "public" : security.map((req) => Object.keys(req).map((name) => doc.components.securitySchemes[name].name ?? "Bearer JWT").join(" + ")).join(" or ");
const schemes = el("table", {}, el("tr", {}, el("th", {}, "scheme"), el("th", {}, "sent as"), el("th", {}, "meaning")));
for (const [name, scheme] of Object.entries(doc.components.securitySchemes))
  schemes.append(el("tr", {}, el("td", {}, el("code", {}, name)), el("td", {}, scheme.name ?? "Authorization: Bearer <accessToken>"), el("td", {}, scheme.description)));
document.getElementById("schemes").append(schemes);
const byTag = new Map();
for (const [path, operations] of Object.entries(doc.paths))
  for (const [method, op] of Object.entries(operations)) {
    const tag = (op.tags ?? ["Other"])[0];
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push({ path, method, op });
  }
const list = document.getElementById("operations");
for (const [tag, entries] of byTag) {
  list.append(el("h2", {}, tag));
  for (const { path, method, op } of entries) {
    const body = el("div");
    if (op.parameters?.length) {
      const table = el("table", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "required"), el("th", {}, "schema")));
      for (const p of op.parameters.map(deref))
        table.append(el("tr", {}, el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, p.required ? "yes" : "no"), el("td", {}, el("code", {}, JSON.stringify(p.schema)))));
      body.append(table);
    }
    for (const [type, content] of Object.entries(op.requestBody?.content ?? {}))
      body.append(el("p", {}, "Body (" + type + "):"), el("pre", {}, JSON.stringify(content.schema, null, 2)));
    const line = el("summary", {}, el("span", { class: "m " + method }, method.toUpperCase()), el("code", {}, path), " " + (op.summary ?? ""), el("span", { class: "auth" }, authLabel(op.security ?? [])));
    list.append(el("details", { "data-search": (method + " " + path + " " + (op.summary ?? "")).toLowerCase() }, line, body));
  }
}
document.getElementById("filter").addEventListener("input", (event) => {
  const words = event.target.value.toLowerCase().split(/\\s+/).filter(Boolean);
  for (const item of document.querySelectorAll("details[data-search]"))
    item.hidden = !words.every((word) => item.dataset.search.includes(word));
});`;

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The page's Content-Security-Policy: nothing may load or run but its own inline style and
 * script, allowed by hash (the embedded document is a JSON data block, which never runs).
 * An injected script or handler in the page would not run, and no page may frame it.
 */
export const DOCS_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * A browsable page that needs nothing from the network: the document is embedded in it
 * and rendered by a few lines of inline script (the stock Scalar and Swagger UI pages
 * load their code from a CDN, which these deployments may not reach).
 */
export function renderDocsPage(document: OpenApiDocument, specUrl: string): string {
  const title = escapeHtml(document.info.title);
  const version = escapeHtml(document.info.version);
  const url = escapeHtml(specUrl);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} ${version}</title><style>${STYLE}</style></head>
<body><h1>${title} <small>${version}</small></h1>
<p>OpenAPI ${document.openapi} document: <a href="${url}"><code>${url}</code></a> (load it into any OpenAPI tool).
Every answer is the envelope <code>{"ok":true,"data":…}</code> or <code>{"ok":false,"error":{"code","message"}}</code>.</p>
<h2>Authentication</h2><div id="schemes"></div>
<input id="filter" type="search" placeholder="Filter operations, e.g. post licenses">
<div id="operations"></div>
<script id="spec" type="application/json">${scriptJson(document)}</script>
<script>${SCRIPT}</script></body></html>`;
}
