import {
  CreateEndUserBody,
  EndUserSchema,
  ListEndUsersQuery,
  createEndUser,
  getEndUser,
  listEndUsers,
  presentEndUser,
  type EndUserScope,
} from "@geckoguard/core";
import { One, Page } from "../../openapi/answer-shapes.ts";
import { operation } from "./operation.ts";

/** End users, for both families: the credential decides the scope (an org, or one product's owners). */
export const endUserOperations = {
  list: operation({
    need: { action: "read", scope: "end_user:read" },
    query: ListEndUsersQuery,
    answer: Page("endUsers", EndUserSchema),
    async run(ctx, scope: EndUserScope, { query }) {
      const { items, pagination } = await listEndUsers(ctx, scope, query);
      return { endUsers: items.map(presentEndUser), pagination };
    },
  }),
  get: operation({
    need: { action: "read", scope: "end_user:read" },
    answer: One("endUser", EndUserSchema),
    run: async (ctx, scope: EndUserScope, { params }) => ({ endUser: presentEndUser(await getEndUser(ctx, scope, params.endUserId!)) }),
  }),
  /** Dashboard only: keys do not create end users. */
  create: operation({
    need: { action: "manageEndUsers", scope: null },
    body: CreateEndUserBody,
    status: 201,
    answer: One("endUser", EndUserSchema),
    errors: ["CONFLICT"],
    run: async (ctx, scope: EndUserScope, { body }) => ({ endUser: presentEndUser(await createEndUser(ctx, scope.orgId, body)) }),
  }),
};
