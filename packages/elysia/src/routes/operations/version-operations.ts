import {
  CreateVersionBody,
  ListVersionsQuery,
  PatchVersionBody,
  VersionSchema,
  createVersion,
  getVersion,
  listVersions,
  patchVersion,
  presentVersion,
  yankVersion,
  type Caller,
} from "@geckoguard/core";
import { One, Page } from "../../openapi/answer-shapes.ts";
import { productIdParam } from "../route-params.ts";
import { operation } from "./operation.ts";

const VersionAnswer = One("version", VersionSchema);

/** A product's app versions, for both families (docs/versions.md): the use cases take the caller and check it; each family mounts them with its own path parameters. */
export const versionOperations = {
  list: operation({
    query: ListVersionsQuery,
    answer: Page("versions", VersionSchema),
    async run(ctx, caller: Caller, { params, query }) {
      const { items, pagination } = await listVersions(ctx, caller, productIdParam(params), query);
      return { versions: items.map(presentVersion), pagination };
    },
  }),
  create: operation({
    body: CreateVersionBody,
    status: 201,
    answer: VersionAnswer,
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params, body }) => ({ version: presentVersion(await createVersion(ctx, caller, productIdParam(params), body)) }),
  }),
  get: operation({
    answer: VersionAnswer,
    run: async (ctx, caller: Caller, { params }) => ({ version: presentVersion(await getVersion(ctx, caller, productIdParam(params), params.versionId!)) }),
  }),
  patch: operation({
    body: PatchVersionBody,
    answer: VersionAnswer,
    run: async (ctx, caller: Caller, { params, body }) => ({ version: presentVersion(await patchVersion(ctx, caller, productIdParam(params), params.versionId!, body)) }),
  }),
  yank: operation({
    answer: VersionAnswer,
    run: async (ctx, caller: Caller, { params }) => ({ version: presentVersion(await yankVersion(ctx, caller, productIdParam(params), params.versionId!)) }),
  }),
};
