import { inProcessIdempotencyStore } from "./in-process-store.ts";
import { idempotencyStoreContract } from "./store-contract.ts";

idempotencyStoreContract("in-process", async () => {
  const store = inProcessIdempotencyStore();
  return { stores: [store, store], close: async () => {} };
});
