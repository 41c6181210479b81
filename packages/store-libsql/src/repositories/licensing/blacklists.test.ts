import { describeBlacklistStoreContract } from "../../../../core/src/ports/contract/blacklist-store.contract.ts";
import { openTempStore } from "../../testing/temp-store.ts";

describeBlacklistStoreContract("libSQL", openTempStore);
