import {
  BlacklistEntryBody,
  BlacklistListQuery,
  BulkBlacklistBody,
  addBlacklistEntries,
  addBlacklistEntry,
  listBlacklistEntries,
  presentBlacklistEntry,
  removeBlacklistEntry,
  type Caller,
} from "@geckoguard/core";
import { BlacklistEntryParams, ProductBlacklistParams } from "../route-params.ts";
import { operation } from "./operation.ts";

/** A product's blacklist, for both families: the use cases take the caller and check it. */
export const blacklistOperations = {
  list: operation({
    params: ProductBlacklistParams,
    query: BlacklistListQuery,
    async run(ctx, caller: Caller, { params, query }) {
      const { items, pagination } = await listBlacklistEntries(ctx, caller, params.productId, query);
      return { entries: items.map(presentBlacklistEntry), pagination };
    },
  }),
  add: operation({
    params: ProductBlacklistParams,
    body: BlacklistEntryBody,
    status: 201,
    run: async (ctx, caller: Caller, { params, body }) => ({ entry: presentBlacklistEntry(await addBlacklistEntry(ctx, caller, params.productId, body)) }),
  }),
  addMany: operation({
    params: ProductBlacklistParams,
    body: BulkBlacklistBody,
    status: 201,
    async run(ctx, caller: Caller, { params, body }) {
      const entries = await addBlacklistEntries(ctx, caller, params.productId, body.entries);
      return { entries: entries.map(presentBlacklistEntry), created: entries.length };
    },
  }),
  remove: operation({
    params: BlacklistEntryParams,
    async run(ctx, caller: Caller, { params }) {
      await removeBlacklistEntry(ctx, caller, params.productId, params.entryId);
      return { deleted: true };
    },
  }),
};
