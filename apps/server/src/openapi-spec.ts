import { randomBytes } from "node:crypto";
import { Elysia } from "elysia";
import { silentLogger } from "@geckoguard/core";
import { SPEC_PATH } from "@geckoguard/elysia";
import { createGeckoguard } from "@geckoguard/runtime";
import { VERSION } from "./version.ts";

/**
 * The server's OpenAPI document as committed in docs/openapi.json: the plugin built
 * in-process on a throwaway in-memory database and asked for its spec (no port).
 */
export async function serverOpenApiJson(): Promise<string> {
  const runtime = await createGeckoguard({
    databaseUrl: "file::memory:",
    jwtSecret: new Uint8Array(randomBytes(32)),
    publicUrl: "http://localhost",
    version: VERSION,
    logger: silentLogger,
    webhooks: { worker: false },
  });
  try {
    const app = new Elysia().use(runtime.plugin);
    const response = await app.handle(new Request(`http://localhost${SPEC_PATH}`));
    if (response.status !== 200) throw new Error(`${SPEC_PATH} answered ${response.status}`);
    return `${JSON.stringify(await response.json(), null, 2)}\n`;
  } finally {
    await runtime.close();
  }
}
