import { Type, type Static } from "@sinclair/typebox";
import { FreeText, SingleLine } from "../schemas/text.ts";
import { Timestamp } from "../schemas/timestamp.ts";
import { ProductPolicySchema } from "../products/policy.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";
import { ChannelsSchema } from "../versions/channels.ts";

const Id = Type.String({ format: "uuid" });
const IsoDate = Timestamp();
/** The longest duration a license may hold, on create and after an extension. */
export const MAX_DURATION_DAYS = 36500;
const Days = Type.Integer({ minimum: 1, maximum: MAX_DURATION_DAYS });
/** Metadata keys: 1–100 characters, no control character (the same rule as SingleLine). */
const METADATA_KEY_PATTERN = "^[^\\u0000-\\u001f\\u007f]{1,100}$";

export const LicensePolicyOverridesSchema = Type.Partial(Type.Omit(ProductPolicySchema, ["durationDays"]), {
  additionalProperties: false,
  description: "Overrides of the product policy for this license",
});
/** Keys are 1–100 characters without control characters; values are any JSON (stored as JSON text, where control characters are escaped). */
export const MetadataSchema = Type.Record(Type.String({ pattern: METADATA_KEY_PATTERN }), Type.Unknown(), {
  maxProperties: 50,
  additionalProperties: false,
  description: "Vendor data, a JSON object of at most 50 keys and 16 KiB",
});
export const NoteSchema = FreeText({ maxLength: 1000 });
export const LicenseKeySchema = SingleLine({ minLength: 8, maxLength: 64, pattern: "^[A-Za-z0-9_-]+$" });

const licenseFields = {
  expiresAt: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  durationDays: Type.Optional(Type.Union([Days, Type.Null()])),
  maxHwids: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  maxIps: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  policy: Type.Optional(LicensePolicyOverridesSchema),
  note: Type.Optional(NoteSchema),
  metadata: Type.Optional(MetadataSchema),
  endUserId: Type.Optional(Id),
  channels: Type.Optional(ChannelsSchema),
  updatesUntil: Type.Optional(Type.Union([IsoDate, Type.Null()])),
};

/** Management create: the product comes from the path. */
export const CreateLicensesBody = Type.Object({ count: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), ...licenseFields });
/** Dashboard create: under /orgs/:orgId, so the product is named in the body. */
export const DashboardCreateLicensesBody = Type.Object({ productId: Id, ...CreateLicensesBody.properties });
export type CreateLicensesInput = Static<typeof CreateLicensesBody>;

export const PatchLicenseBody = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("revoked")])),
  frozen: Type.Optional(Type.Boolean()),
  expiresAt: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  durationDays: Type.Optional(Type.Union([Days, Type.Null()])),
  maxHwids: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  maxIps: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  policy: Type.Optional(LicensePolicyOverridesSchema),
  note: Type.Optional(Type.Union([NoteSchema, Type.Null()])),
  metadata: Type.Optional(MetadataSchema),
  endUserId: Type.Optional(Type.Union([Id, Type.Null()])),
  channels: Type.Optional(ChannelsSchema),
  updatesUntil: Type.Optional(Type.Union([IsoDate, Type.Null()])),
});
export type PatchLicenseInput = Static<typeof PatchLicenseBody>;

export const BulkIdsBody = Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 1000, uniqueItems: true }) });
export const ExtendBody = Type.Object({ ...BulkIdsBody.properties, days: Days });

const BooleanText = Type.Union([Type.Literal("true"), Type.Literal("false")]);
export const licenseFilterQuery = {
  productId: Type.Optional(Id),
  status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("revoked")])),
  frozen: Type.Optional(BooleanText),
  expired: Type.Optional(BooleanText),
  search: Type.Optional(SingleLine({ minLength: 1, maxLength: 200 })),
  endUserId: Type.Optional(Id),
};
export const ListLicensesQuery = Type.Object({ ...pageQuerySchema(1000), ...licenseFilterQuery });
export const ManagementListLicensesQuery = Type.Object({ ...pageQuerySchema(200), ...Type.Omit(Type.Object(licenseFilterQuery), ["productId"]).properties });
/** The reference names no ceiling for this list, so it takes the default of 200. */
export const ExpiringQuery = Type.Object({
  ...pageQuerySchema(),
  productId: Type.Optional(Id),
  withinDays: Type.Optional(Type.Number({ minimum: 1, maximum: 3650, multipleOf: 1 })),
});
export const ExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal("csv"), Type.Literal("json")])),
  ...licenseFilterQuery,
});

export const RedeemBody = Type.Object({
  key: LicenseKeySchema,
  productId: Type.Optional(Id),
  endUserId: Type.Optional(Id),
  endUser: Type.Optional(
    Type.Object({
      username: SingleLine({ minLength: 1, maxLength: 100 }),
      email: Type.Optional(SingleLine({ maxLength: 254, pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$" })),
    }),
  ),
});
export type RedeemInput = Static<typeof RedeemBody>;
