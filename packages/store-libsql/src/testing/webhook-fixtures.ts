import { join } from "node:path";
import { DEFAULT_POLICY, uuidv7, type Store, type WebhookEndpointRecord } from "@geckoguard/core";
import { seedProduct } from "../../../core/src/ports/contract/seed.ts";
import { openTempStore } from "./temp-store.ts";

/** A temp store (testing/temp-store.ts) with helpers for webhook tests: products and endpoints. */
export async function tempWebhookDatabase() {
  const temp = await openTempStore();
  const { store, clock } = temp;
  return {
    ...temp,
    /** The database file, for a second engine (the authorize path's native connection). */
    path: join(temp.dir, "gg.db"),
    /** A product in a new org, or in `orgId`. */
    async product(orgId?: string): Promise<{ orgId: string; productId: string }> {
      const now = clock.now();
      if (orgId === undefined) return seedProduct(store, now);
      const productId = uuidv7(now);
      await store.products.insert({ id: productId, orgId, name: "Product", policy: DEFAULT_POLICY, publicKey: "pk", createdAt: now, updatedAt: now }, "sk");
      return { orgId, productId };
    },
    async endpoint(on: Store, productId: string, events: string[] = ["*"], enabled = true): Promise<WebhookEndpointRecord> {
      const now = clock.now();
      const endpoint: WebhookEndpointRecord = {
        id: uuidv7(now),
        productId,
        url: "https://hooks.example.com/gg",
        description: null,
        events,
        enabled,
        secretSealed: "sealed",
        failingSince: null,
        disabledReason: null,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await on.webhookEndpoints.insertBelowLimit(endpoint, 20))) throw new Error("endpoint limit");
      return endpoint;
    },
  };
}
