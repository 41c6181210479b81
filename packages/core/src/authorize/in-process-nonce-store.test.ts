import { describeNonceStoreContract } from "../ports/contract/nonce-store.contract.ts";
import { inProcessNonceStore } from "./in-process-nonce-store.ts";

describeNonceStoreContract("in-process", async () => {
  const store = inProcessNonceStore();
  return { stores: [store, store], close: () => {} };
});
