import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, Nullable } from "../schemas/answer-fields.ts";

/** What `presentEndUser` answers (present-end-user.ts). */
export const EndUserSchema = Type.Object(
  {
    id: AnswerId,
    orgId: AnswerId,
    username: Type.String({ examples: ["ada"] }),
    email: Nullable(Type.String({ examples: ["ada@example.com"] })),
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "EndUser", additionalProperties: false },
);
