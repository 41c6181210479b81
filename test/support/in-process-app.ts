import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Elysia } from "elysia";
import { aesGcmSecretBox, argon2idHasher, jwtAccessTokens, systemClock, systemResolveHost, type Clock, type GgContext } from "@geckoguard/core";
import { createLibsqlStore, migrate, openDatabase, type GgDatabase } from "@geckoguard/store-libsql";
import { geckoguard } from "@geckoguard/elysia";
import type { Api, ApiResponse, CallOptions } from "./http-client.ts";

export interface InProcessApp {
  api: Api;
  context: GgContext;
  database: GgDatabase;
  close(): void;
}

/**
 * The plugin over a temp-file libSQL database, driven with `app.handle` (no port):
 * fast route-level tests that still run the real store and migrations.
 */
export async function inProcessApp(options: { clock?: Clock } = {}): Promise<InProcessApp> {
  const dir = mkdtempSync(join(tmpdir(), "gg-app-"));
  const database = await openDatabase({ url: `file:${join(dir, "test.db")}` });
  await migrate(database.client);
  const clock = options.clock ?? systemClock;
  const context: GgContext = {
    store: createLibsqlStore(database.db, { clock, mailLog: () => {} }),
    clock,
    passwords: argon2idHasher(),
    accessTokens: jwtAccessTokens(new Uint8Array(randomBytes(32))),
    publicUrl: "http://localhost",
    webhooks: {
      secrets: aesGcmSecretBox(new Uint8Array(randomBytes(32))),
      urlPolicy: { allowHttp: false, allowPrivateAddresses: false, resolveHost: systemResolveHost },
    },
  };
  const app = new Elysia().use(geckoguard({ context }));
  const api = async function call(method: string, path: string, callOptions: CallOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.body !== undefined || callOptions.rawBody !== undefined) headers["content-type"] ??= "application/json";
    if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
    const response = await app.handle(
      new Request(`http://localhost${path}`, {
        method,
        headers,
        body: callOptions.rawBody ?? (callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body)),
      }),
    );
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body, headers: response.headers };
  } as Api;
  return {
    api,
    context,
    database,
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
