import { createHash } from "node:crypto";

/** What one mailed link's page asks for and posts. */
export interface PageAction {
  title: string;
  intro: string;
  /** The API route the form posts to as JSON (`{token, …fields}`). */
  apiPath: string;
  /** Shown when the API answered ok. */
  done: string;
  button: string;
  /** Asks for a new password of at least this many characters (the reset page). */
  askPassword: { minLength: number } | null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#222}
input,button{font:inherit;padding:.45rem;width:100%;box-sizing:border-box;margin:.4rem 0}
button{cursor:pointer}#result{font-weight:600}`;

/** Posts the form's fields as JSON to its action and shows the answer's message; no data leaves but to this origin. */
const SCRIPT = `const form = document.getElementById("action");
const result = document.getElementById("result");
const button = form.querySelector("button");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = Object.fromEntries(new FormData(form));
  button.disabled = true;
  result.textContent = "Working…";
  try {
    const response = await fetch(form.action, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const answer = await response.json();
    if (answer.ok) {
      form.hidden = true;
      result.textContent = form.dataset.done;
      return;
    }
    result.textContent = answer.error && answer.error.message ? answer.error.message : "The request failed.";
  } catch {
    result.textContent = "The server could not be reached; try again.";
  }
  button.disabled = false;
});`;

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * Nothing loads or runs but the page's own style and script (allowed by hash); it may
 * only talk to its own origin, and no page may frame it.
 */
export const ACTION_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The token only ever appears HTML-escaped inside an attribute value. */
export function renderActionPage(action: PageAction, token: string | null): string {
  const body =
    token === null
      ? `<p id="result">This link is incomplete: open the whole link from the mail.</p>`
      : `<p>${escapeHtml(action.intro)}</p>
<form id="action" method="post" action="${escapeHtml(action.apiPath)}" data-done="${escapeHtml(action.done)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
${action.askPassword === null ? "" : `<label>New password<input type="password" name="password" autocomplete="new-password" minlength="${action.askPassword.minLength}" required></label>`}
<button type="submit">${escapeHtml(action.button)}</button>
</form>
<p id="result" role="status"></p>`;
  return pageShell(action.title, body, token !== null);
}

/** The document around a page's body: the one style, and the form script when the page has a form. */
export function pageShell(title: string, bodyHtml: string, withScript: boolean): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${bodyHtml}
${withScript ? `<script>${SCRIPT}</script>` : ""}</body></html>`;
}
