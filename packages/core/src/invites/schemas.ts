import { Type } from "@sinclair/typebox";
import { EmailSchema } from "../auth/schemas.ts";
import { AssignableRole } from "../orgs/schemas.ts";
import { SingleLine } from "../schemas/text.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";
import { INVITE_STATUSES } from "./invite-status.ts";

/** `owner` is not offered: ownership only moves by transfer. */
export const CreateInviteBody = Type.Object({ email: EmailSchema, role: AssignableRole });

export const InviteTokenSchema = SingleLine({ minLength: 10, maxLength: 512, description: "The token from the invitation mail" });

/** Accept or decline: the token alone names the invite, and so the org. */
export const InviteTokenBody = Type.Object({ token: InviteTokenSchema });

export const InviteListQuery = Type.Object({
  status: Type.Optional(Type.Union(INVITE_STATUSES.map((status) => Type.Literal(status)))),
  ...pageQuerySchema(),
});
