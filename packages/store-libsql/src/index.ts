export { openDatabase, type DatabaseOptions, type GgDatabase } from "./open-database.ts";
export { migrate, SchemaTooNewError, MigrationMismatchError, SCHEMA_VERSION } from "./migrations/migrate.ts";
export { createLibsqlStore, type StoreOptions } from "./store.ts";
export { listOutbox, type MailLog } from "./repositories/mail-outbox.ts";
export * as schema from "./schema/index.ts";
export { libsqlRateLimitStore } from "./repositories/rate-limit-buckets.ts";
export { libsqlIdempotencyStore } from "./repositories/idempotency-records.ts";
