import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyWebhook } from "../packages/sdk/src/webhooks.ts";
import { apiClient } from "./support/http-client.ts";
import { tenantWithLicenses } from "./support/licensing-fixtures.ts";
import { webhooksPath } from "./support/webhook-endpoints.ts";
import { startWebhookServer } from "./support/webhook-server.ts";
import { startReceiver } from "./support/webhook-receiver.ts";

const dataDir = mkdtempSync(join(tmpdir(), "gg-webhooks-restart-"));
const hooks = startReceiver();
afterAll(() => {
  hooks.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test(
  "an event recorded just before a SIGKILL is delivered after the restart; two servers on one database deliver each event once",
  async () => {
    // First life: the API only (GG_WEBHOOK_WORKER=0), so the kill surely comes between the change and the delivery.
    const first = await startWebhookServer({ dataDir, env: { GG_WEBHOOK_WORKER: "0" } });
    const api = apiClient(first.baseUrl);
    const { owner, orgId, productId, licenses } = await tenantWithLicenses(api, 1);
    const created = await api("POST", webhooksPath(productId), { token: owner.token, body: { url: hooks.url, events: ["license.revoked", "license.created"] } });
    const secret: string = created.body.data.secret;
    expect((await api("POST", `/v1/dashboard/licenses/${licenses[0]!.id}/revoke`, { token: owner.token })).status).toBe(200);
    first.process.kill(9);
    await first.process.exited;
    expect(hooks.received).toHaveLength(0);

    // Second life, same data directory, two processes: the event from before the kill, then 30 new ones.
    const [second, third] = await Promise.all([startWebhookServer({ dataDir }), startWebhookServer({ dataDir })]);
    try {
      const [revoked] = await hooks.waitFor(1);
      expect(verifyWebhook(revoked!.body, revoked!.headers.get("x-geckoguard-signature-v2"), secret).valid).toBe(true);
      expect(JSON.parse(revoked!.body)).toMatchObject({ type: "license.revoked", data: { license: { id: licenses[0]!.id, status: "revoked" } } });

      const again = apiClient(second.baseUrl);
      const more = await again("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count: 30 } });
      expect(more.status).toBe(201);
      await hooks.waitFor(31);
      await Bun.sleep(300); // room for a duplicate to show up, were there one
      const deliveryIds = hooks.received.map((r) => r.headers.get("x-geckoguard-delivery"));
      expect(new Set(deliveryIds).size).toBe(31);
      expect(hooks.received).toHaveLength(31);
      const createdIds = hooks.received.slice(1).map((r) => JSON.parse(r.body).data.license.id).sort();
      expect(createdIds).toEqual((more.body.data.licenses as { id: string }[]).map((l) => l.id).sort());
    } finally {
      await Promise.all([second.stop({ keepData: true }), third.stop({ keepData: true })]);
    }
  },
  30_000,
);
