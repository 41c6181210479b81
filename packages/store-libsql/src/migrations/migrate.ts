import type { Client } from "@libsql/client";
import { bundledMigrations } from "./bundled.ts";
import type { BundledMigration } from "./render-bundle.ts";

/** Raised when the database was migrated by a newer GeckoGuard than this one. */
export class SchemaTooNewError extends Error {
  constructor(databaseVersion: number, knownVersion: number) {
    super(
      `The database schema is at version ${databaseVersion}, newer than this GeckoGuard knows (${knownVersion}); ` +
        `run a GeckoGuard release at least as new as the one that last migrated it`,
    );
    this.name = "SchemaTooNewError";
  }
}

/** Raised when an applied migration's SQL differs from the bundled one. */
export class MigrationMismatchError extends Error {
  constructor(tag: string) {
    super(`Migration ${tag} in the database does not match this build's copy; refusing to continue`);
    this.name = "MigrationMismatchError";
  }
}

/**
 * Applies pending migrations in one write transaction (BEGIN IMMEDIATE), so two
 * processes starting together on one database apply each migration exactly once.
 * Idempotent: a migrated database is left as it is.
 */
export async function migrate(client: Client, migrations: BundledMigration[] = bundledMigrations): Promise<string[]> {
  await client.execute(
    "CREATE TABLE IF NOT EXISTS gg_migrations (id INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)",
  );
  const tx = await client.transaction("write");
  try {
    const applied = (await tx.execute("SELECT id, tag, hash FROM gg_migrations ORDER BY id")).rows;
    if (applied.length > migrations.length) throw new SchemaTooNewError(applied.length, migrations.length);
    applied.forEach((row, i) => {
      if (row.hash !== migrations[i]!.hash) throw new MigrationMismatchError(String(row.tag));
    });
    const pending = migrations.slice(applied.length);
    for (const [offset, migration] of pending.entries()) {
      for (const statement of migration.statements) await tx.execute(statement);
      await tx.execute({
        sql: "INSERT INTO gg_migrations (id, tag, hash, applied_at) VALUES (?, ?, ?, ?)",
        args: [applied.length + offset, migration.tag, migration.hash, Date.now()],
      });
    }
    await tx.commit();
    return pending.map((m) => m.tag);
  } finally {
    tx.close();
  }
}

/** The schema version this build brings (number of bundled migrations). */
export const SCHEMA_VERSION = bundledMigrations.length;
