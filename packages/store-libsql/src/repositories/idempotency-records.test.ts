import { idempotencyStoreContract } from "@geckoguard/core/testing";
import { sharedFileDatabase } from "../testing/shared-file-database.ts";
import { libsqlIdempotencyStore } from "./idempotency-records.ts";

idempotencyStoreContract("libSQL, two connections on one file", () => sharedFileDatabase(libsqlIdempotencyStore), true);
