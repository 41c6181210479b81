import { Type } from "@sinclair/typebox";
import { SingleLine } from "../schemas/text.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";

export const UsernameSchema = SingleLine({ minLength: 1, maxLength: 100 });
export const EndUserEmailSchema = SingleLine({ maxLength: 254, pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$" });

export const CreateEndUserBody = Type.Object({ username: UsernameSchema, email: Type.Optional(EndUserEmailSchema) });

const lookups = {
  username: Type.Optional(SingleLine({ minLength: 1, maxLength: 100, description: "Exact, case-insensitive" })),
  email: Type.Optional(SingleLine({ minLength: 1, maxLength: 254, description: "Exact, case-insensitive" })),
  search: Type.Optional(SingleLine({ minLength: 1, maxLength: 200, description: "Partial match over username and email" })),
};
/** GET /v1/dashboard/orgs/:orgId/end-users: pageSize ≤ 100 (reference's pagination table). */
export const ListEndUsersQuery = Type.Object({ ...pageQuerySchema(100), ...lookups });
