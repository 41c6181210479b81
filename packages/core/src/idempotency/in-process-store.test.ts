import { inProcessIdempotencyStore } from "./in-process-store.ts";
import { describeIdempotencyStoreContract } from "../ports/contract/idempotency-store.contract.ts";

describeIdempotencyStoreContract("in-process", async () => {
  const store = inProcessIdempotencyStore();
  return { stores: [store, store], close: async () => {} };
});
