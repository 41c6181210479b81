import { versionCatalog, type VersionCatalog } from "@geckoguard/core";
import { SQL, type VersionRow } from "./authorize-sql.ts";
import type { SqlRunner } from "./sql-runner.ts";

/** A license's app variables: the product's, then its own overrides over them (docs/variables.md). */
export async function appVariablesOf(runner: SqlRunner, productId: string, licenseId: string): Promise<Record<string, string>> {
  const rows = await runner.all<{ name: string; value: string }>(SQL.appVariables, [productId, licenseId]);
  // Later entries win (the overrides come last); fromEntries keeps every name a plain own key.
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

/** The product's version catalogue, built once per change of its rows. */
export async function versionCatalogOf(runner: SqlRunner, productId: string): Promise<VersionCatalog> {
  const rows = await runner.all<VersionRow>(SQL.versions, [productId]);
  return versionCatalog(
    rows.map((row) => ({
      id: row.id,
      productId,
      version: row.version,
      channel: row.channel,
      notes: row.notes,
      required: row.required === 1,
      fileId: row.file_id,
      releasedAt: row.released_at,
      yankedAt: row.yanked_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
  );
}
