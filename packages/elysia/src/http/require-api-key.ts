import { Elysia } from "elysia";
import { authenticateApiKey, GgError, type GgContext } from "@geckoguard/core";

/** `X-Api-Key` → the key's principal. Bearer JWTs are refused on these routes. */
export async function authenticateKeyHeader(ctx: GgContext, headers: Record<string, string | undefined>) {
  const key = headers["x-api-key"];
  if (key === undefined || key === "") {
    if (headers.authorization !== undefined) {
      throw new GgError("UNAUTHORIZED", "Access tokens are not accepted on API-key routes; send X-Api-Key");
    }
    throw new GgError("UNAUTHORIZED", "Missing X-Api-Key header");
  }
  return authenticateApiKey(ctx, key);
}

/** Adds `apiKey` (the principal) to every route of the instance that uses it. */
export function requireApiKey(ctx: GgContext) {
  return new Elysia().resolve({ as: "scoped" }, async ({ headers }) => ({ apiKey: await authenticateKeyHeader(ctx, headers) }));
}
