import { Type } from "@sinclair/typebox";

/** The scope catalogue (docs/api-keys-and-blacklists.md#scopes); anything else is rejected with 400. */
export const SCOPES = [
  "license:authorize",
  "license:read",
  "license:create",
  "license:update",
  "license:delete",
  "license:revoke",
  "license:unrevoke",
  "license:reset_hwid",
  "license:reset_ip",
  "blacklist:read",
  "blacklist:write",
  "end_user:read",
  "analytics:read",
  "subscription:read",
  "subscription:write",
  // Lists the product's keys (names, prefixes, scopes). Never a default: a key shipped
  // inside an app must not reveal what other keys exist.
  "api_key:read",
  // App variables and versions (docs/variables.md, docs/versions.md).
  "variable:read",
  "variable:write",
  "version:read",
  "version:write",
] as const;
export type Scope = (typeof SCOPES)[number];

export const DEFAULT_SCOPES: Scope[] = ["license:authorize"];

export const ScopeSchema = Type.Union(
  SCOPES.map((scope) => Type.Literal(scope)),
  { description: "One scope of the catalogue" },
);
