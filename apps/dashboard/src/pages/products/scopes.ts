import type { components } from "../../api/schema.d.ts";

type Scope = components["schemas"]["ApiKey"]["permissions"][number];

/** Every API-key scope, in the order the picker shows them. */
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
  "api_key:read",
  "subscription:read",
  "subscription:write",
  "variable:read",
  "variable:write",
  "version:read",
  "version:write",
] as const satisfies readonly Scope[];

// A scope the API adds and the picker lacks fails `bun run typecheck` here.
type Unlisted = Exclude<Scope, (typeof SCOPES)[number]>;
export const everyScopeListed: [Unlisted] extends [never] ? true : Unlisted = true;
export type { Scope };
