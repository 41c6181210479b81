import { describeIdempotencyStoreContract } from "../../../core/src/ports/contract/idempotency-store.contract.ts";
import { sharedStateHandle } from "../testing/shared-state-handle.ts";
import { sharedIdempotencyStore } from "./shared-idempotency-store.ts";

describeIdempotencyStoreContract("shared on libSQL (native connection + client connection)", () => sharedStateHandle(sharedIdempotencyStore), true);
