import { afterAll, beforeAll, describe, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { walkFoundationFlow } from "./support/foundation-flow.ts";

describe("foundation flow against the server from source", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  test("register → TOTP login → refresh reuse kills the family → org → product → tenancy", async () => {
    await walkFoundationFlow(apiClient(server.baseUrl));
  });
});
