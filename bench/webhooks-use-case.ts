/**
 * The cost the outbox adds to the bulk-create use case itself, without HTTP, in this
 * process: createLicenses(500) on a product without webhooks and on one with 10
 * endpoints on "*", alternating, over the libSQL store on a temp file. No worker runs,
 * so nothing but the request's own work is timed.
 */
import { actingAs, createLicenses, systemOrigin, type GgContext, type ProductRecord } from "@geckoguard/core";
import { tempWebhookDatabase } from "../packages/store-libsql/src/testing/webhook-fixtures.ts";
import { median } from "./support.ts";

const POLICY = { hwidBinding: "off", maxHwids: 1, ipBinding: "off", maxIps: 3, maxSessions: 3, sessionTtlSeconds: 600, durationDays: null } as const;

export async function measureUseCase(runs: number): Promise<{ without: number; withHooks: number }> {
  const db = await tempWebhookDatabase();
  try {
    const { orgId, productId: plainId } = await db.product();
    const { productId: hookedId } = await db.product(orgId);
    for (let i = 0; i < 10; i++) await db.endpoint(db.store, hookedId);
    const ctx = actingAs({ store: db.store, clock: { now: () => Date.now() } } as unknown as GgContext, systemOrigin("bench", "bench"));
    const product = (id: string): ProductRecord => ({ id, orgId, name: "Bench", policy: { ...POLICY }, publicKey: "", createdAt: 0, updatedAt: 0 });
    const time = async (id: string) => {
      const started = performance.now();
      await createLicenses(ctx, product(id), { count: 500 });
      return performance.now() - started;
    };
    for (let i = 0; i < 5; i++) await time(i % 2 ? hookedId : plainId); // warm-up
    const without: number[] = [];
    const withHooks: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        without.push(await time(plainId));
        withHooks.push(await time(hookedId));
      } else {
        withHooks.push(await time(hookedId));
        without.push(await time(plainId));
      }
    }
    return { without: median(without), withHooks: median(withHooks) };
  } finally {
    db.close();
  }
}
