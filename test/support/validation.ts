import { expect } from "bun:test";
import type { ApiResponse } from "./http-client.ts";
import type { TestApp } from "./test-app.ts";

const TABLES = ["users", "mail_outbox", "one_time_tokens", "refresh_tokens", "orgs", "org_members", "products"];

/** Row counts of every table a foundation request can write. */
export async function snapshot(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await t.count(table);
  return counts;
}

/** A 400 VALIDATION_ERROR whose details name `path` (a field path such as "/email"). */
export function expectValidationError(response: ApiResponse, path?: string): void {
  expect(response.status).toBe(400);
  expect(response.body.ok).toBe(false);
  expect(response.body.error.code).toBe("VALIDATION_ERROR");
  expect(response.body.error.details).toBeArray();
  expect(response.body.error.details.length).toBeGreaterThan(0);
  if (path !== undefined) {
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  }
}
