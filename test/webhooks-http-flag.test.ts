import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { apiClient, type Api } from "./support/http-client.ts";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { startWebhookServer } from "./support/webhook-server.ts";
import { tenantWithLicenses } from "./support/licensing-fixtures.ts";
import { webhooksPath } from "./support/webhook-endpoints.ts";

const WARNING_EVENT = '"webhooks.http_allowed"';

let server: RunningServer;
let api: Api;
beforeAll(async () => {
  server = await startWebhookServer();
  api = apiClient(server.baseUrl);
});
afterAll(() => server.stop());

describe("GG_ALLOW_HTTP_WEBHOOKS=1 (development only)", () => {
  test("the server warns at start while the flag is on, as one JSON line at level warn", async () => {
    // The warning goes to stderr, read apart from the stdout line that says "listening".
    for (let waited = 0; waited < 5000 && !server.output.some((line) => line.includes(WARNING_EVENT)); waited += 20) await Bun.sleep(20);
    const warnings = server.output.filter((line) => line.includes(WARNING_EVENT));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: "warn", event: "webhooks.http_allowed" });
  });

  test("admits http:// to loopback only: private, link-local and metadata addresses stay refused", async () => {
    const { owner, productId } = await tenantWithLicenses(api, 1);
    const create = (url: string) => api("POST", webhooksPath(productId), { token: owner.token, body: { url, events: ["*"] } });
    for (const url of ["http://127.0.0.1:9/hook", "http://[::1]:9/hook", "http://localhost:9/hook"]) {
      expect({ url, status: (await create(url)).status }).toEqual({ url, status: 201 });
    }
    const refused = [
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.7/hook",
      "http://192.168.1.10/hook",
      "http://172.16.0.1/hook",
      "http://[fe80::1]/hook",
      "http://[fd00::1]/hook",
      "http://[::ffff:169.254.169.254]/hook",
      "http://100.64.0.1/hook",
    ];
    for (const url of refused) {
      const answer = await create(url);
      expect({ url, status: answer.status, code: answer.body.error?.code }).toEqual({ url, status: 400, code: "VALIDATION_ERROR" });
    }
    const listed = await api("GET", webhooksPath(productId), { token: owner.token });
    expect(listed.body.data.endpoints).toHaveLength(3);
  });
});

describe("without the flag", () => {
  test("no warning at start, and http:// is refused even to loopback", async () => {
    const plain = await startServer();
    try {
      expect(plain.output.some((line) => line.includes(WARNING_EVENT))).toBe(false);
      const plainApi = apiClient(plain.baseUrl);
      const { owner, productId } = await tenantWithLicenses(plainApi, 1);
      const answer = await plainApi("POST", webhooksPath(productId), { token: owner.token, body: { url: "http://127.0.0.1:9/hook", events: ["*"] } });
      expect(answer.status).toBe(400);
    } finally {
      await plain.stop();
    }
  });
});
