import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime } from "../schemas/answer-fields.ts";
import { INVITE_STATUSES } from "./invite-status.ts";

const Status = Type.Union(INVITE_STATUSES.map((status) => Type.Literal(status)));
const Role = Type.Union([Type.Literal("admin"), Type.Literal("member"), Type.Literal("viewer")]);

const inviteFields = {
  id: AnswerId,
  orgId: AnswerId,
  email: Type.String({ examples: ["grace@example.com"] }),
  role: Role,
  status: Status,
  invitedBy: AnswerId,
  expiresAt: AnswerTime,
  createdAt: AnswerTime,
};

/** What `presentInvite` answers (present-invite.ts). */
export const InviteSchema = Type.Object(inviteFields, { $id: "Invite", additionalProperties: false });

/** What `presentReceivedInvite` answers: the invite and the org's name. */
export const ReceivedInviteSchema = Type.Object(
  { ...inviteFields, orgName: Type.String({ examples: ["Acme Software"] }) },
  { $id: "ReceivedInvite", additionalProperties: false },
);

/** What accepting answers: the membership the caller now holds. */
export const InviteMembershipSchema = Type.Object(
  { orgId: AnswerId, role: Role },
  { $id: "InviteMembership", additionalProperties: false },
);
