import { newUserRecord } from "../../auth/new-user.ts";
import { afterAll, beforeAll } from "bun:test";
import type { Store } from "../store.ts";
import { uuidv7 } from "../../crypto/uuid.ts";
import { DEFAULT_POLICY } from "../../products/policy.ts";

/** Opens a fresh, migrated store of one adapter; `close` releases it. */
export type StoreFactory = () => Promise<{ store: Store; close(): void | Promise<void> }>;

export interface SeededProduct {
  userId: string;
  orgId: string;
  productId: string;
}

/** A user owning an org with one product, written through the ports (no adapter shortcuts). */
export async function seedProduct(store: Store, now = Date.now()): Promise<SeededProduct> {
  const userId = uuidv7(now);
  await store.users.insert({ ...newUserRecord({ email: "placeholder", passwordHash: "not-a-real-hash" }, now), id: userId, email: `${userId}@example.com` });
  const orgId = uuidv7(now);
  await store.orgs.insertWithOwner({ id: orgId, name: "Org", createdAt: now, updatedAt: now }, userId);
  const productId = uuidv7(now);
  await store.products.insert(
    { id: productId, orgId, name: "Product", policy: DEFAULT_POLICY, publicKey: "test-public-key", createdAt: now, updatedAt: now },
    "test-private-key",
  );
  return { userId, orgId, productId };
}

/** Opens one store for the enclosing describe block and closes it after; call the result inside tests. */
export function useStore(open: StoreFactory): () => Store {
  let opened: Awaited<ReturnType<StoreFactory>> | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return () => {
    if (opened === undefined) throw new Error("the store opens in beforeAll");
    return opened.store;
  };
}
