import { describeApiKeyStoreContract } from "../../../../core/src/ports/contract/api-key-store.contract.ts";
import { openTempStore } from "../../testing/temp-store.ts";

describeApiKeyStoreContract("libSQL", openTempStore);
