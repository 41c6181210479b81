// GeckoGuard on a plain Node 22 `node:http` server: the Elysia plugin answers through
// `app.handle` (web Request in, Response out), so no Bun API is involved.
// `npm install`, then `node server.ts` (Node 22.18+ runs TypeScript by stripping its types).
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Elysia } from "elysia";
import { createGeckoguard } from "@geckoguard/runtime";
import { bridgedServer, sendWebResponse, toWebRequest } from "./node-bridge.ts";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const dataDir = process.env.GG_DATA_DIR ?? "./data";

// Opens and migrates the database, starts webhook delivery and builds the plugin.
const runtime = await createGeckoguard({
  databaseUrl: `file:${dataDir}/geckoguard.db`,
  // A real deployment keeps one secret (≥ 32 characters) across restarts, or every login ends.
  jwtSecret: process.env.GG_JWT_SECRET ?? new Uint8Array(randomBytes(32)),
  publicUrl: `http://localhost:${port}`,
});

const app = new Elysia().use(runtime.plugin);
// Elysia asks its server for the client's address; ours is node:http, which the bridge asks.
app.server = bridgedServer as unknown as typeof app.server;

const server = createServer((incoming, outgoing) => {
  app
    .handle(toWebRequest(incoming))
    .then((response) => sendWebResponse(response, outgoing))
    .catch(() => outgoing.destroy());
});
server.listen(port, host, () => {
  const { address, port: bound } = server.address() as AddressInfo;
  console.log(`GeckoGuard on Node ${process.version} listening on http://${address}:${bound}`);
});

process.on("SIGTERM", () => {
  server.close(() => void runtime.close().then(() => process.exit(0)));
});
