import { Type } from "@sinclair/typebox";
import { EmailSchema, NameSchema } from "../auth/schemas.ts";

export const IdParam = Type.String({ format: "uuid" });
export const OrgNameBody = Type.Object({ name: NameSchema });
export const AssignableRole = Type.Union([Type.Literal("admin"), Type.Literal("member"), Type.Literal("viewer")]);
export const AddMemberBody = Type.Object({ email: EmailSchema, role: AssignableRole });
export const UpdateMemberBody = Type.Object({ role: AssignableRole });
export const TransferOwnershipBody = Type.Object({ userId: IdParam });
