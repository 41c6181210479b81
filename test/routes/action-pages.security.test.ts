import { afterAll, beforeAll, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { signUp } from "../support/accounts.ts";

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

const get = (a: TestApp, pathAndQuery: string) => a.handle(new Request(`http://localhost${pathAndQuery}`));

/** Every inline element's text of this tag, as the browser would hash it for the CSP. */
function inline(html: string, tag: "script" | "style"): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => m[1]!);
}
const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

test.each(["/verify-email", "/reset-password"])("%s: a hostile token is escaped; only the hashed script and style could run", async (path) => {
  const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>'`;
  const response = await get(app, `${path}?token=${encodeURIComponent(hostile)}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).not.toContain("<script>alert");
  expect(html).not.toContain("<img");
  expect(html).toContain(`value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;"`);

  const csp = response.headers.get("content-security-policy")!;
  expect(csp.split("; ")).toEqual(
    expect.arrayContaining(["default-src 'none'", "connect-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"]),
  );
  const scripts = inline(html, "script");
  expect(scripts).toHaveLength(1);
  expect(csp).toContain(`script-src ${hashOf(scripts[0]!)}`);
  expect(csp).toContain(`style-src ${hashOf(inline(html, "style")[0]!)}`);
  // The markup outside the script and outside attribute values: no handler, no tag the token brought.
  const markup = html.replace(/<script>[\s\S]*?<\/script>/, "").replace(/"[^"]*"/g, '""');
  expect(markup).not.toMatch(/\son[a-z]+=/i);
  expect(markup.match(/<[a-z]+/g)).toEqual(expect.not.arrayContaining(["<img"]));
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // no external assets

  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
});

test.each(["", "?token=", `?token=${"a".repeat(513)}`])("a link without a usable token (%#) gets a 400 page with no form", async (query) => {
  const response = await get(app, `/verify-email${query}`);
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(html).toContain("This link is incomplete");
  expect(html).not.toContain("<form");
  expect(html).not.toContain("<script");
});

test("the verification page's form, followed as its script does, confirms the address; opening the page alone does not", async () => {
  const user = await signUp(app.api);
  const token = await app.mailedToken(user.email, "gg_ve");
  const page = await get(app, `/verify-email?token=${encodeURIComponent(token)}`);
  const html = await page.text();
  const action = html.match(/<form id="action" method="post" action="([^"]+)"/)![1]!;
  const field = html.match(/name="token" value="([^"]+)"/)![1]!;
  expect(field).toBe(token);
  expect((await app.api("GET", "/v1/dashboard/me", { token: user.token })).body.data.user.emailVerified).toBe(false);

  expect((await app.api("POST", action, { body: { token: field } })).status).toBe(200);
  expect((await app.api("GET", "/v1/dashboard/me", { token: user.token })).body.data.user.emailVerified).toBe(true);
  expect(app.logs.some((line) => JSON.stringify(line).includes(token))).toBe(false);
});

test("under a prefix the form posts to the prefixed API; `actionPages: false` turns the pages off", async () => {
  const prefixed = await openTestApp({ prefix: "/licensing" });
  const off = await openTestApp({ actionPages: false });
  try {
    const html = await (await get(prefixed, "/licensing/reset-password?token=abcdefghijkl")).text();
    expect(html).toContain('action="/licensing/v1/auth/reset-password"');
    expect((await get(off, "/verify-email?token=abcdefghijkl")).status).toBe(404);
    expect((await get(off, "/reset-password?token=abcdefghijkl")).status).toBe(404);
    expect((await get(off, "/invite?token=abcdefghijkl")).status).toBe(404);
    expect(await (await get(prefixed, "/licensing/invite?token=abcdefghijkl")).text()).toContain("/licensing/v1/dashboard/invites/accept");
  } finally {
    await Promise.all([prefixed.close(), off.close()]);
  }
});

test("the invitation page escapes a hostile token, runs no script and changes nothing", async () => {
  const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>'`;
  const response = await get(app, `/invite?token=${encodeURIComponent(hostile)}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain(`value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;"`);
  expect(html).not.toContain("<script");
  expect(html).not.toContain("<img");
  const csp = response.headers.get("content-security-policy")!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain(`style-src ${hashOf(inline(html, "style")[0]!)}`);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect((await get(app, "/invite")).status).toBe(400);
});
