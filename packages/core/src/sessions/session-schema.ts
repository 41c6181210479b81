import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, AnswerTimeOrNull, Nullable } from "../schemas/answer-fields.ts";

/** What `presentSession` answers (present-session.ts). */
export const SessionSchema = Type.Object(
  {
    id: AnswerId,
    licenseId: AnswerId,
    hwid: Nullable(Type.String({ examples: ["a1b2c3d4e5f6"] })),
    ip: Nullable(Type.String({ examples: ["203.0.113.7"] })),
    appVersion: Nullable(Type.String({ examples: ["2.4.1"] })),
    createdAt: AnswerTime,
    lastSeenAt: AnswerTime,
    expiresAt: AnswerTime,
    revokedAt: AnswerTimeOrNull,
  },
  { $id: "Session", additionalProperties: false },
);
