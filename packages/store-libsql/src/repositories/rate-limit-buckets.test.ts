import { rateLimitStoreContract } from "@geckoguard/core/testing";
import { sharedFileDatabase } from "../testing/shared-file-database.ts";
import { libsqlRateLimitStore } from "./rate-limit-buckets.ts";

rateLimitStoreContract("libSQL, two connections on one file", () => sharedFileDatabase(libsqlRateLimitStore), true);
