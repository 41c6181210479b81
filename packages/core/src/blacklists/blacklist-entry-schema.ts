import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, Nullable } from "../schemas/answer-fields.ts";

/** What `presentBlacklistEntry` answers (present-blacklist-entry.ts). */
export const BlacklistEntrySchema = Type.Object(
  {
    id: AnswerId,
    productId: AnswerId,
    type: Type.Union([Type.Literal("HWID"), Type.Literal("IP")]),
    value: Type.String({ description: "A HWID, an IP address or a CIDR range", examples: ["203.0.113.0/24"] }),
    reason: Nullable(Type.String({ examples: ["Chargeback"] })),
    createdAt: AnswerTime,
  },
  { $id: "BlacklistEntry", additionalProperties: false },
);
