import { inProcessRateLimitStore } from "./in-process-store.ts";
import { rateLimitStoreContract } from "./store-contract.ts";

rateLimitStoreContract("in-process", async () => {
  const store = inProcessRateLimitStore();
  return { stores: [store, store], close: async () => {} };
});
