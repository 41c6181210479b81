import { Type } from "@sinclair/typebox";
import { FreeText, SingleLine } from "../schemas/text.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";

/** Bulk add ceiling (docs/api-keys-and-blacklists.md#blacklists). */
export const MAX_BULK_BLACKLIST_ENTRIES = 1000;

export const BlacklistTypeSchema = Type.Union([Type.Literal("HWID"), Type.Literal("IP")], {
  description: "HWID (exact, case-sensitive) or IP (address or CIDR range, v4 or v6)",
});

export const BlacklistEntryBody = Type.Object({
  type: BlacklistTypeSchema,
  value: SingleLine({ minLength: 1, maxLength: 256, description: "The HWID, or an IP address / CIDR range" }),
  reason: Type.Optional(Type.Union([FreeText({ maxLength: 500 }), Type.Null()])),
});

export const BulkBlacklistBody = Type.Object({
  entries: Type.Array(BlacklistEntryBody, { minItems: 1, maxItems: MAX_BULK_BLACKLIST_ENTRIES }),
});

export const BlacklistListQuery = Type.Object({ type: Type.Optional(BlacklistTypeSchema), ...pageQuerySchema() });
