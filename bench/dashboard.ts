/**
 * Issue 18 figures, measured in Chromium on loopback: the sign-in page's compressed
 * JavaScript and time to interactive; the licenses page of a product with 100,000
 * licenses showing a 1000-row page, and switching to the next page.
 *
 *   bun bench/dashboard.ts
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startServer } from "../test/support/server-process.ts";
import { apiClient } from "../test/support/http-client.ts";
import { PASSWORD, orgWithProduct, signUp } from "../test/support/accounts.ts";
import { launchChromium } from "../test/dashboard/support/browser.ts";
import { median, timed } from "./support.ts";
import { seed } from "./seed-licenses.ts";

const LICENSES = 100_000;
const RUNS = 9;

const server = await startServer();
const api = apiClient(server.baseUrl);
const browser = await launchChromium();
try {
  const owner = await signUp(api);
  const { productId } = await orgWithProduct(api, owner.token);
  await seed(join(server.dataDir, "geckoguard.db"), productId, LICENSES);

  // The first request bundles the dashboard from source (the binary has it built in).
  const cold = await timed(() => fetch(`${server.baseUrl}/sign-in`).then((r) => r.text()));
  console.log(`first dashboard request (bundles from source): ${cold.ms.toFixed(0)} ms`);

  const signIn: number[] = [];
  let jsBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script") bytes += Number((await response.headerValue("content-length")) ?? 0);
    });
    const { ms } = await timed(async () => {
      await page.goto(`${server.baseUrl}/sign-in`);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    });
    signIn.push(ms);
    jsBytes = bytes;
    await context.close();
  }
  console.log(`sign-in page: ${(jsBytes / 1024).toFixed(1)} KiB of gzip JavaScript; interactive in median ${median(signIn).toFixed(0)} ms (${RUNS} fresh contexts)`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Products" }).waitFor();

  const info = (page: Page) => page.getByTestId("page-info");
  const shown: number[] = [];
  const switched: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const first = await timed(async () => {
      await page.goto(`${server.baseUrl}/app/licenses?productId=${productId}&pageSize=1000`);
      await info(page).getByText(`Page 1 of ${LICENSES / 1000} ·`).waitFor();
      await page.getByRole("checkbox", { name: /^Select GG-/ }).first().waitFor();
    });
    shown.push(first.ms);
    const next = await timed(async () => {
      await page.getByRole("button", { name: "Next" }).click();
      await info(page).getByText(`Page 2 of ${LICENSES / 1000} ·`).waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-testid="page-info"]')?.textContent?.includes("loading"));
    });
    switched.push(next.ms);
  }
  console.log(`licenses page, ${LICENSES} licenses: 1000 rows shown in median ${median(shown).toFixed(0)} ms (page load incl. session refresh); next page in median ${median(switched).toFixed(0)} ms (${RUNS} runs)`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
