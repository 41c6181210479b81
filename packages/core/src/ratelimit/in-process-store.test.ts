import { inProcessRateLimitStore } from "./in-process-store.ts";
import { describeRateLimitStoreContract } from "../ports/contract/rate-limit-store.contract.ts";

describeRateLimitStoreContract("in-process", async () => {
  const store = inProcessRateLimitStore();
  return { stores: [store, store], close: async () => {} };
});
