import { Elysia } from "elysia";
import { argon2idHasher, jwtAccessTokens, randomBytes, systemClock, type GgContext } from "@geckoguard/core";
import { geckoguard } from "@geckoguard/elysia";
import { openTempStore } from "../../packages/store-libsql/src/testing/temp-store.ts";
import { apiClient, type Api } from "./http-client.ts";

export interface InProcessApp {
  /** Same client as the black-box tests, answering through `app.handle` (no port). */
  api: Api;
  context: GgContext;
  close(): Promise<void>;
}

/**
 * The whole plugin on a temp libSQL file, for fast route tests. Password hashing is
 * argon2id at a tiny cost: these tests are about routes, not about hashing.
 */
export async function startInProcessApp(): Promise<InProcessApp> {
  const { store, close } = await openTempStore();
  const context: GgContext = {
    store,
    clock: systemClock,
    passwords: argon2idHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
    accessTokens: jwtAccessTokens(randomBytes(32)),
    publicUrl: "http://localhost",
  };
  const app = new Elysia().use(geckoguard({ context }));
  return { api: apiClient("http://localhost", (request) => app.handle(request)), context, close };
}
