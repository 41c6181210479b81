import { Type } from "@sinclair/typebox";
import { NameSchema } from "../auth/schemas.ts";
import { IdParam } from "../orgs/schemas.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";
import { SCOPES, ScopeSchema } from "./scopes.ts";

/** Scopes of the catalogue only (anything else is a 400); repeats are folded by the use case. */
export const PermissionsSchema = Type.Array(ScopeSchema, { maxItems: SCOPES.length * 2, description: "Scopes granted to the key" });

export const CreateApiKeyBody = Type.Object({
  productId: IdParam,
  name: NameSchema,
  permissions: Type.Optional(PermissionsSchema),
});
export const UpdateApiKeyBody = Type.Object({
  name: Type.Optional(NameSchema),
  permissions: Type.Optional(PermissionsSchema),
});
export const ListApiKeysQuery = Type.Object({ productId: IdParam, ...pageQuerySchema() });
export const ProductApiKeysQuery = Type.Object(pageQuerySchema());
