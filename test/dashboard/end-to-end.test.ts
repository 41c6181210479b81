import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { totpCodeAt } from "@geckoguard/core";
import { createLicenseClient } from "@geckoguard/sdk";
import { startServer, type RunningServer } from "../support/server-process.ts";
import { runUntilExit } from "../support/failed-start.ts";
import { PASSWORD } from "../support/accounts.ts";
import { collectPageErrors, launchChromium } from "./support/browser.ts";
import { checkPage } from "./support/page-checks.ts";

const EMAIL = "vendor@example.com";
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let folder: string;
/** Every body the dashboard's own auth routes answered, to prove none holds the refresh token. */
const authBodies: string[] = [];

beforeAll(async () => {
  server = await startServer({ env: { GG_PUBLIC_URL: "http://dashboard.test" } });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  errors = collectPageErrors(page);
  page.on("response", async (response) => {
    if (response.url().includes("/v1/auth/cookie/")) authBodies.push(await response.text().catch(() => ""));
  });
  folder = mkdtempSync(join(tmpdir(), "gg-dashboard-e2e-"));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const url = (path: string) => `${server.baseUrl}${path}`;
const button = (name: string) => page.getByRole("button", { name, exact: true });

/** The verify link in the mail outbox, read with `geckoguard mail` as an operator would. */
async function mailedVerifyPath(): Promise<string> {
  const listed = await runUntilExit({ GG_DATA_DIR: server.dataDir }, ["mail"]);
  const link = listed.stdout.match(/http:\/\/dashboard\.test(\/verify-email\?token=[\w-]+)/)?.[1];
  if (link === undefined) throw new Error(`no verify link in: ${listed.stdout}`);
  return link;
}

async function signInWith(code: string | null) {
  await page.goto(url("/sign-in"));
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await button("Sign in").click();
  if (code !== null) {
    await page.getByLabel(/Code from your authenticator app/).fill(code);
    await button("Verify").click();
  }
}

describe("the dashboard in Chromium, against the real server", () => {
  let secret = "";
  let apiKey = "";
  let publicKey = "";
  let productId = "";

  test("register, verify by the mailed link, sign in and create the first org", async () => {
    await page.goto(url("/register"));
    await checkPage(page, "register");
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await button("Create account").click();
    await page.getByText("Check your mail").waitFor();

    await page.goto(url(await mailedVerifyPath()));
    await checkPage(page, "verify-email");
    await button("Confirm email address").click();
    await page.getByText("Your email address is confirmed").waitFor();

    await page.goto(url("/sign-in"));
    await checkPage(page, "sign-in");
    await signInWith(null);
    await page.getByPlaceholder("Name your first organisation").fill("Acme");
    await button("Create organisation").click();
    await page.getByRole("heading", { name: "Products" }).waitFor();
  }, 60_000);

  test("no script can read the refresh token: HttpOnly, SameSite=Strict, in no body, absent from document.cookie", async () => {
    const cookies = await context.cookies();
    const refresh = cookies.find((cookie) => cookie.name === "gg_refresh");
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/v1/auth/cookie" });
    expect(await page.evaluate(() => document.cookie)).toBe("");
    expect(authBodies.length).toBeGreaterThan(0);
    for (const body of authBodies) expect(body.includes(refresh!.value) || body.includes("refreshToken")).toBe(false);
    // Nor is anything left in storage for a script to find.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    // The page's CSP refuses an injected inline script and a string compiled as code.
    const before = errors.length;
    const ran = await page.evaluate(async () => {
      const flags = window as unknown as { inlineRan?: boolean; timerRan?: boolean };
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.head.append(script);
      (setTimeout as unknown as (code: string, ms: number) => void)("window.timerRan = true", 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return [flags.inlineRan ?? false, flags.timerRan ?? false];
    });
    expect(ran).toEqual([false, false]);
    // Those refusals are logged as console errors; they are this test's, not the app's.
    errors.splice(before);
  });

  test("a reload keeps the session (from the cookie), and the session survives only in it", async () => {
    await page.goto(url("/app/account"));
    await page.getByRole("heading", { name: "Account" }).waitFor();
  });

  test("turn on TOTP with the QR set-up and see the recovery codes once", async () => {
    await button("Set up two-factor sign-in").click();
    secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await expect(page.getByAltText("QR code of the two-factor secret").getAttribute("src")).resolves.toStartWith("data:image/png");
    await checkPage(page, "account-totp-setup");
    await page.getByLabel("6-digit code from the app").fill(await totpCodeAt(secret, Date.now()));
    await button("Turn on two-factor sign-in").click();
    await page.getByTestId("recovery-codes").waitFor();
    expect(await page.getByTestId("recovery-codes").locator("li").count()).toBe(10);
  });

  test("sign out, then sign in again with a TOTP code (a wrong one is refused in words)", async () => {
    await button("Sign out").click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await signInWith("000000");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toMatch(/code/i);
    // The next step's code: the enable call already used this step's.
    await page.getByLabel(/Code from your authenticator app/).fill(await totpCodeAt(secret, Date.now() + 30_000));
    await button("Verify").click();
    await page.getByRole("heading", { name: "Products" }).waitFor();
  }, 30_000);

  test("create a product and an API key whose secret is shown once", async () => {
    await page.getByLabel("Name").fill("Desktop App");
    await button("Create product").click();
    await page.getByRole("heading", { name: "Policy" }).waitFor();
    productId = page.url().split("/").pop()!;
    publicKey = (await page.getByTestId("public-key").textContent()) ?? "";
    await page.getByLabel("Key name").fill("Desktop build");
    await button("Create API key").click();
    apiKey = (await page.getByTestId("shown-once-value").textContent()) ?? "";
    expect(apiKey.length).toBeGreaterThan(20);
    await checkPage(page, "product");
    await button("I have copied it").click();
    await page.reload();
    await page.getByRole("cell", { name: "Desktop build" }).waitFor();
    expect(await page.content()).not.toContain(apiKey);
  }, 30_000);

  test("create 25 licenses; the SDK authorizes one; its session shows; killing it in the UI refuses the next heartbeat", async () => {
    await page.goto(url(`/app/licenses?productId=${productId}`));
    await page.getByText("Create licenses").click();
    await page.getByLabel("How many").fill("25");
    await button("Create").click();
    await page.getByText("25 licenses created").waitFor();
    await page.getByText("Page 1 of 1 · 25 licenses").waitFor();
    await checkPage(page, "licenses");

    const keys = (await page.getByLabel("Created license keys").inputValue()).split("\n");
    const sdk = createLicenseClient({ baseUrl: server.baseUrl, apiKey, productPublicKey: publicKey });
    const authorized = await sdk.authorize({ licenseKey: keys[0]!, hwid: "machine-one" });
    if (!authorized.ok) throw new Error(`authorize refused: ${authorized.code}`);

    await page.getByRole("link", { name: keys[0]! }).click();
    await page.getByTestId("session-row").waitFor();
    expect(await page.getByTestId("session-row").textContent()).toContain("machine-one");
    await checkPage(page, "license");
    await button("Kill session").click();
    await page.getByText("No live session.").waitFor();
    const beat = await sdk.heartbeat(authorized.handle);
    expect(beat).toMatchObject({ ok: false, code: "SESSION_REVOKED" });
  }, 30_000);

  test("bulk freeze from the table, after a confirmation", async () => {
    await page.goto(url(`/app/licenses?productId=${productId}`));
    await page.getByText("Page 1 of 1 · 25 licenses").waitFor();
    const boxes = page.getByRole("checkbox", { name: /^Select GG-/ });
    for (const index of [0, 1, 2]) await boxes.nth(index).check();
    await button("Freeze").click();
    await page.getByRole("dialog").getByRole("button", { name: "Freeze" }).click();
    await page.getByText("3 changed.").waitFor();
    await page.getByLabel("Frozen").selectOption("true");
    await page.getByText("Page 1 of 1 · 3 licenses").waitFor();
    expect(await page.locator(".badge.state-frozen").count()).toBe(3);
  }, 30_000);

  test("a CSV import with a bad row is refused as a whole, and the row's error is shown", async () => {
    const csv = join(folder, "import.csv");
    writeFileSync(csv, "key,expiresAt\nGG-IMPORT-OK-0001,2030-01-01T00:00:00.000Z\nGG-IMPORT-BAD-0002,not-a-date\n");
    await page.goto(url(`/app/licenses?productId=${productId}`));
    await page.getByText("Import and export").click();
    await page.getByLabel("CSV or JSON export file").setInputFiles(csv);
    await button("Import").click();
    const rows = page.getByRole("list", { name: "Rows that were refused" });
    await rows.waitFor();
    expect(await rows.textContent()).toMatch(/expiresAt|date/i);
    await checkPage(page, "licenses-import-error");
    await page.getByText("Page 1 of 1 · 25 licenses").waitFor();
  }, 30_000);

  test("the other signed-in pages render and pass the checks", async () => {
    const pages: [string, string, string][] = [
      ["/app/products", "Products", "products"],
      ["/app/end-users", "End users", "end-users"],
      ["/app/members", "Members", "members"],
      [`/app/products/${productId}/webhooks`, "Webhooks", "webhooks"],
      ["/app/audit-log", "Audit log", "audit-log"],
    ];
    for (const [path, heading, name] of pages) {
      await page.goto(url(path));
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      await checkPage(page, name);
    }
  }, 30_000);

  test("no page error or CSP refusal was logged along the way (but the expected API refusals)", () => {
    const unexpected = errors.filter((line) => !/status of (401|400)/.test(line));
    expect(unexpected).toEqual([]);
  });
});
