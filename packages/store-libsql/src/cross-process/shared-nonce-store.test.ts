import { join } from "node:path";
import { describeNonceStoreContract } from "../../../core/src/ports/contract/nonce-store.contract.ts";
import { openTempStore } from "../testing/temp-store.ts";
import { clientRunner, nativeRunner } from "../authorize/sql-runner.ts";
import { sharedNonceStore } from "./shared-nonce-store.ts";

describeNonceStoreContract("shared on libSQL (native connection + client connection)", async () => {
  const temp = await openTempStore();
  const path = join(temp.dir, "gg.db");
  const native = nativeRunner(path, { busyTimeoutMs: 5000, synchronous: "normal", writeLock: null });
  return {
    stores: [sharedNonceStore(native), sharedNonceStore(clientRunner(temp.database.client))],
    close() {
      native.close();
      temp.close();
    },
  };
});
