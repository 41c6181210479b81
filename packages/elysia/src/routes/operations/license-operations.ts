import {
  CreateLicensesBody,
  LicenseCountsSchema,
  LicenseSchema,
  ListLicensesQuery,
  PatchLicenseBody,
  applyLicenseAction,
  createLicenses,
  deleteLicense,
  licenseAnalytics,
  listLicenses,
  patchLicense,
  presentLicense,
  type LicenseAction,
  type LicenseScope,
  type LicenseView,
  type ProductRecord,
  type Scope,
} from "@geckoguard/core";
import { licensePage } from "../license-presenters.ts";
import { Type } from "@sinclair/typebox";
import { Count, One, Page } from "../../openapi/answer-shapes.ts";
import { operation, type Operation } from "./operation.ts";

/** What a credential reaches for operations on many licenses. */
export interface LicensesReach {
  scope: LicenseScope;
  /** Owner fields: always for dashboard users, with end_user:read for keys. */
  includeOwner: boolean;
  /** Where licenses are created: a key's own product; for a user, the body's product in the path's org. */
  product?(body: object): Promise<ProductRecord>;
}

/** What a credential reaches for an operation on one license. */
export interface LicenseReach {
  license: LicenseView;
  orgId: string;
  includeOwner: boolean;
}

const present = (license: LicenseView, includeOwner: boolean, now: number) => presentLicense(license, now, { includeOwner });

/** Licenses, for both families: the credential decides which licenses, and whether owners show. */
export const licenseOperations = {
  list: operation({
    need: { action: "read", scope: "license:read" },
    query: ListLicensesQuery,
    answer: Page("licenses", LicenseSchema),
    async run(ctx, reach: LicensesReach, { query }) {
      const { items, pagination } = await listLicenses(ctx, reach.scope, query);
      return licensePage(items, pagination, ctx.clock.now(), reach.includeOwner);
    },
  }),
  create: operation({
    need: { action: "manageLicenses", scope: "license:create" },
    body: CreateLicensesBody,
    status: 201,
    answer: Type.Object({ licenses: Type.Array(LicenseSchema) }, { additionalProperties: false }),
    errors: ["CONFLICT"],
    async run(ctx, reach: LicensesReach, { body }) {
      if (reach.product === undefined) throw new Error("Mount create where the credential names a product");
      const created = await createLicenses(ctx, await reach.product(body), body);
      return { licenses: created.map((l) => present(l, reach.includeOwner, ctx.clock.now())) };
    },
  }),
  analytics: operation({
    need: { action: "read", scope: "analytics:read" },
    answer: LicenseCountsSchema,
    run: (ctx, reach: LicensesReach) => licenseAnalytics(ctx, reach.scope),
  }),
  get: operation({
    need: { action: "read", scope: "license:read" },
    answer: One("license", LicenseSchema),
    run: async (ctx, reach: LicenseReach) => ({ license: present(reach.license, reach.includeOwner, ctx.clock.now()) }),
  }),
  patch: operation({
    need: { action: "manageLicenses", scope: "license:update" },
    body: PatchLicenseBody,
    answer: One("license", LicenseSchema),
    async run(ctx, reach: LicenseReach, { body }) {
      return { license: present(await patchLicense(ctx, reach.license, reach.orgId, body), reach.includeOwner, ctx.clock.now()) };
    },
  }),
  remove: operation({
    need: { action: "manageLicenses", scope: "license:delete" },
    answer: Count("deleted"),
    async run(ctx, reach: LicenseReach) {
      await deleteLicense(ctx, reach.license, reach.orgId);
      return { deleted: 1 };
    },
  }),
};

/** One-license actions: the path segment, the action, and the scope a key needs for it. */
const ACTIONS: [string, LicenseAction, Scope][] = [
  ["revoke", "revoke", "license:revoke"],
  ["unrevoke", "unrevoke", "license:unrevoke"],
  ["reset-hwid", "reset_hwid", "license:reset_hwid"],
  ["reset-ip", "reset_ip", "license:reset_ip"],
];

export const licenseActionOperations: { path: string; scope: Scope; operation: Operation<LicenseReach> }[] = ACTIONS.map(([path, action, scope]) => ({
  path,
  scope,
  operation: operation({
    need: { action: "manageLicenses", scope },
    answer: One("license", LicenseSchema),
    run: async (ctx, reach: LicenseReach) => ({ license: present(await applyLicenseAction(ctx, reach.license, reach.orgId, action), reach.includeOwner, ctx.clock.now()) }),
  }),
}));
