import type { GgContext, manualClock } from "@geckoguard/core";
import type { GgDatabase } from "@geckoguard/store-libsql";
import type { Api } from "./http-client.ts";
import { openTestApp } from "./test-app.ts";

export interface InProcessApp {
  api: Api;
  context: GgContext;
  database: GgDatabase;
  /** The app's clock: tests move it by hand. */
  clock: ReturnType<typeof manualClock>;
  close(): void;
}

/** The plugin through `app.handle` on a temp database: the licensing tests' view of openTestApp. */
export async function inProcessApp(): Promise<InProcessApp> {
  const app = await openTestApp();
  return { api: app.api, context: app.context, database: app.database, clock: app.clock, close: () => void app.close() };
}
