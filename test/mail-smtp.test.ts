import { afterAll, beforeAll, expect, test } from "bun:test";
import { apiClient } from "./support/http-client.ts";
import { PASSWORD, signUp, uniqueEmail } from "./support/accounts.ts";
import { startSmtpCatcher, type SmtpCatcher } from "./support/smtp-catcher.ts";
import { linkIn, logLines, startMailingServer } from "./support/mail-server.ts";
import type { RunningServer } from "./support/server-process.ts";

let smtp: SmtpCatcher;
let server: RunningServer;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  // The server-rendered link pages answer when the dashboard is off; the dashboard's own
  // pages for the same links are driven in Chromium (test/dashboard/).
  server = await startMailingServer(smtp.url, { env: { GG_DASHBOARD: "false" } });
});
afterAll(async () => {
  await server.stop();
  await smtp.stop();
});

/** The form the page holds: where it posts and the token it carries (as the browser would read them). */
function formOf(html: string): { action: string; token: string } {
  const action = html.match(/<form id="action" method="post" action="([^"]+)"/)?.[1];
  const token = html.match(/<input type="hidden" name="token" value="([^"]*)">/)?.[1];
  if (action === undefined || token === undefined) throw new Error(`no form in the page:\n${html}`);
  return { action, token };
}

test("registering mails a verification link over SMTP; its page confirms the address", async () => {
  const api = apiClient(server.baseUrl);
  const user = await signUp(api, uniqueEmail("verify"));
  const mail = await smtp.waitUntil((m) => m.to[0] === user.email);
  expect(mail.headers.get("subject")).toBe("Verify your GeckoGuard email address");
  expect(mail.from).toBe("no-reply@licensing.test");
  const link = linkIn(mail, "/verify-email");

  const page = await fetch(server.baseUrl + link.pathAndQuery);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toContain("text/html");
  expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
  const form = formOf(await page.text());
  expect(form).toEqual({ action: "/v1/auth/verify-email", token: link.token });

  // What the page's script does on submit: the form's fields as JSON to its action.
  const posted = await api("POST", form.action, { body: { token: form.token } });
  expect(posted.status).toBe(200);
  const me = await api("GET", "/v1/dashboard/me", { token: user.token });
  expect(me.body.data.user.emailVerified).toBe(true);

  // No line of the log holds the token (neither the mail nor the page request logs it).
  expect(server.output.some((line) => line.includes(link.token))).toBe(false);
  expect(logLines(server.output, "mail.sent").length).toBeGreaterThanOrEqual(1);
});

test("forgot-password mails a reset link over SMTP; its page sets the new password", async () => {
  const api = apiClient(server.baseUrl);
  const user = await signUp(api, uniqueEmail("reset"));
  expect((await api("POST", "/v1/auth/forgot-password", { body: { email: user.email } })).status).toBe(200);
  const mail = await smtp.waitUntil((m) => m.to[0] === user.email && m.headers.get("subject") === "Reset your GeckoGuard password");
  const link = linkIn(mail, "/reset-password");

  const page = await fetch(server.baseUrl + link.pathAndQuery);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('type="password" name="password"');
  const form = formOf(html);
  expect(form.action).toBe("/v1/auth/reset-password");

  const newPassword = "a brand new passphrase";
  expect((await api("POST", form.action, { body: { token: form.token, password: newPassword } })).status).toBe(200);
  expect((await api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } })).status).toBe(401);
  expect((await api("POST", "/v1/auth/login", { body: { email: user.email, password: newPassword } })).status).toBe(200);
  expect(server.output.some((line) => line.includes(link.token))).toBe(false);
});

test("a refusing SMTP server: the mail is retried with backoff, arrives once, and the failure is logged", async () => {
  const api = apiClient(server.baseUrl);
  await Bun.sleep(200); // earlier tests' mails are out
  smtp.refuseNext(2);
  const email = uniqueEmail("refused");
  expect((await api("POST", "/v1/auth/register", { body: { email, password: PASSWORD } })).status).toBe(201);
  const mail = await smtp.waitUntil((m) => m.to[0] === email);
  await Bun.sleep(300); // room for a duplicate to show up, were there one
  expect(smtp.refused()).toBe(2);
  expect(smtp.received.filter((m) => m.to[0] === email)).toHaveLength(1);

  const mailId = mail.headers.get("message-id")!.match(/<(.+)@geckoguard>/)![1];
  const failed = logLines(server.output, "mail.failed").filter((line) => line.mailId === mailId);
  expect(failed.map((line) => line.attempt)).toEqual([1, 2]);
  expect(failed[0]).toMatchObject({ level: "warn", error: "EMESSAGE 451" });
  expect(typeof failed[0]!.nextAttemptAt).toBe("string");
  expect(logLines(server.output, "mail.sent").filter((line) => line.mailId === mailId)).toEqual([expect.objectContaining({ attempt: 3 })]);

  const metrics = await (await fetch(server.baseUrl + "/metrics")).text();
  expect(metrics).toMatch(/^geckoguard_mail_failed_total 2$/m);
  expect(metrics).toMatch(/^geckoguard_mail_retried_total 2$/m);
  expect(metrics).toMatch(/^geckoguard_mail_sent_total \d+$/m);
  expect(metrics).toMatch(/^geckoguard_mail_queue_depth 0$/m);
});
