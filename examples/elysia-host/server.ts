// An existing Elysia app (Bun) with its own routes, and GeckoGuard mounted beside them
// under /licensing. Run: `bun run server.ts` (PORT, GG_DATA_DIR, GG_JWT_SECRET optional).
import { randomBytes } from "node:crypto";
import { Elysia } from "elysia";
import { createGeckoguard } from "@geckoguard/runtime";
import { dashboardBuild } from "@geckoguard/dashboard";

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.GG_DATA_DIR ?? "./data";

// Opens and migrates the database, starts webhook delivery and builds the plugin.
const runtime = await createGeckoguard({
  databaseUrl: `file:${dataDir}/geckoguard.db`,
  // A real deployment keeps one secret (≥ 32 characters) across restarts, or every login ends.
  jwtSecret: process.env.GG_JWT_SECRET ?? new Uint8Array(randomBytes(32)),
  publicUrl: `http://localhost:${port}/licensing`,
  prefix: "/licensing",
  // The web dashboard under the same prefix: /licensing/sign-in, /licensing/app/…
  dashboard: dashboardBuild,
});

const notes = [{ id: 1, text: "Ship the licensing page" }];

/** The GeckoGuard user behind `Authorization: Bearer <accessToken>`, or null. */
async function userOf(authorization: string | undefined): Promise<string | null> {
  const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  if (token === undefined) return null;
  return runtime.context.accessTokens.verify(token, Date.now()).catch(() => null);
}

const app = new Elysia()
  // The host's own routes, untouched by the plugin.
  .get("/", () => ({ app: "notes", licensing: "/licensing/docs", dashboard: "/licensing/sign-in" }))
  .get("/api/notes", () => notes)
  // A host route that accepts GeckoGuard's dashboard access token: one login for both.
  .get("/api/whoami", async ({ headers, set }) => {
    const userId = await userOf(headers.authorization);
    if (userId === null) set.status = 401;
    return userId === null ? { error: "log in at /licensing/v1/auth/login" } : { userId };
  })
  .use(runtime.plugin)
  .listen({ port, hostname: process.env.HOST ?? "127.0.0.1" });

console.log(`Elysia host listening on http://${app.server!.hostname}:${app.server!.port} (GeckoGuard under /licensing)`);

process.on("SIGTERM", async () => {
  await app.stop();
  await runtime.close();
  process.exit(0);
});
