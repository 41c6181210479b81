import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, Nullable } from "../schemas/answer-fields.ts";
import { ORG_ROLES } from "./roles.ts";

const Role = Type.Union(ORG_ROLES.map((role) => Type.Literal(role)));

/** What `presentOrg` answers (present-org.ts): the org and the caller's role in it. */
export const OrgSchema = Type.Object(
  { id: AnswerId, name: Type.String({ examples: ["Acme Software"] }), role: Role, createdAt: AnswerTime, updatedAt: AnswerTime },
  { $id: "Org", additionalProperties: false },
);

/** What `presentMember` answers (present-org.ts). */
export const MemberSchema = Type.Object(
  {
    userId: AnswerId,
    email: Type.String({ examples: ["grace@example.com"] }),
    name: Nullable(Type.String({ examples: ["Grace Hopper"] })),
    role: Role,
    createdAt: AnswerTime,
  },
  { $id: "Member", additionalProperties: false },
);
