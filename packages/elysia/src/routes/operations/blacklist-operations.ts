import {
  BlacklistEntryBody,
  BlacklistEntrySchema,
  BlacklistListQuery,
  BulkBlacklistBody,
  addBlacklistEntries,
  addBlacklistEntry,
  listBlacklistEntries,
  presentBlacklistEntry,
  removeBlacklistEntry,
  type Caller,
} from "@geckoguard/core";
import { Type } from "@sinclair/typebox";
import { Done, One, Page } from "../../openapi/answer-shapes.ts";
import { BlacklistEntryParams, ProductBlacklistParams } from "../route-params.ts";
import { operation } from "./operation.ts";

/** A product's blacklist, for both families: the use cases take the caller and check it. */
export const blacklistOperations = {
  list: operation({
    params: ProductBlacklistParams,
    query: BlacklistListQuery,
    answer: Page("entries", BlacklistEntrySchema),
    async run(ctx, caller: Caller, { params, query }) {
      const { items, pagination } = await listBlacklistEntries(ctx, caller, params.productId, query);
      return { entries: items.map(presentBlacklistEntry), pagination };
    },
  }),
  add: operation({
    params: ProductBlacklistParams,
    body: BlacklistEntryBody,
    status: 201,
    answer: One("entry", BlacklistEntrySchema),
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params, body }) => ({ entry: presentBlacklistEntry(await addBlacklistEntry(ctx, caller, params.productId, body)) }),
  }),
  addMany: operation({
    params: ProductBlacklistParams,
    body: BulkBlacklistBody,
    status: 201,
    answer: Type.Object({ entries: Type.Array(BlacklistEntrySchema), created: Type.Integer({ minimum: 0, examples: [1] }) }, { additionalProperties: false }),
    errors: ["CONFLICT"],
    async run(ctx, caller: Caller, { params, body }) {
      const entries = await addBlacklistEntries(ctx, caller, params.productId, body.entries);
      return { entries: entries.map(presentBlacklistEntry), created: entries.length };
    },
  }),
  remove: operation({
    params: BlacklistEntryParams,
    answer: Done("deleted"),
    async run(ctx, caller: Caller, { params }) {
      await removeBlacklistEntry(ctx, caller, params.productId, params.entryId);
      return { deleted: true };
    },
  }),
};
