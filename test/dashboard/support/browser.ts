import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (.ci/run installs it); GG_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.GG_CHROMIUM ?? "/usr/bin/chromium";

/** Screenshots for people to look at (CI keeps them as artefacts; git ignores the folder). */
export const SCREENSHOT_DIR = join(import.meta.dir, "../../../.artifacts/dashboard-screenshots");

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"] });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Fails the test with the page's own errors (a thrown render, a CSP refusal) instead of a timeout. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}
