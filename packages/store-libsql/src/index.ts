export { openDatabase, type DatabaseOptions, type GgDatabase } from "./open-database.ts";
export { migrate, SchemaTooNewError, MigrationMismatchError, SCHEMA_VERSION } from "./migrations/migrate.ts";
export { createLibsqlStore, type StoreOptions } from "./store.ts";
export { listOutbox, type MailLog } from "./repositories/mail-outbox.ts";
export * as schema from "./schema/index.ts";
export { nativeRunner, clientRunner, type SqlRunner } from "./authorize/sql-runner.ts";
export { sqlAuthorizeStore } from "./authorize/authorize-store.ts";
export { sharedNonceStore } from "./authorize/shared-nonce-store.ts";
export { outboxEventStatement } from "./authorize/outbox-statement.ts";
