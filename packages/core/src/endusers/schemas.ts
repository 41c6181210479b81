import { Type } from "@sinclair/typebox";
import { pageQuerySchema } from "../pagination/pagination.ts";

export const UsernameSchema = Type.String({ minLength: 1, maxLength: 100 });
export const EndUserEmailSchema = Type.String({ maxLength: 254, pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$" });

export const CreateEndUserBody = Type.Object({ username: UsernameSchema, email: Type.Optional(EndUserEmailSchema) });

const lookups = {
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Exact, case-insensitive" })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 254, description: "Exact, case-insensitive" })),
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Partial match over username and email" })),
};
/** GET /v1/dashboard/orgs/:orgId/end-users: pageSize ≤ 100 (reference's pagination table). */
export const ListEndUsersQuery = Type.Object({ ...pageQuerySchema(100), ...lookups });
