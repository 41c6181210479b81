import { describeRateLimitStoreContract } from "../../../core/src/ports/contract/rate-limit-store.contract.ts";
import { sharedStateHandle } from "../testing/shared-state-handle.ts";
import { sharedRateLimitStore } from "./shared-rate-limit-store.ts";

describeRateLimitStoreContract("shared on libSQL (native connection + client connection)", () => sharedStateHandle(sharedRateLimitStore), true);
