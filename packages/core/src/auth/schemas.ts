import { Type, type Static } from "@sinclair/typebox";
import { SingleLine } from "../schemas/text.ts";

export const EmailSchema = SingleLine({
  minLength: 3,
  maxLength: 254,
  pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$",
  description: "Email address; stored lower-cased",
});
export const PasswordSchema = SingleLine({ minLength: 10, maxLength: 256 });
/** A display name: at most 200 characters and not blank (names are stored trimmed). */
export const NameSchema = SingleLine({ minLength: 1, maxLength: 200, pattern: "\\S" });
const OpaqueTokenSchema = SingleLine({ minLength: 10, maxLength: 512 });
const CodeSchema = SingleLine({ minLength: 6, maxLength: 32, description: "6-digit TOTP code or a recovery code" });

export const RegisterBody = Type.Object({
  email: EmailSchema,
  password: PasswordSchema,
  name: Type.Optional(NameSchema),
  inviteToken: Type.Optional(
    SingleLine({ minLength: 10, maxLength: 512, description: "The token of an invitation to this email: signs up even where sign-up is closed" }),
  ),
});
export const LoginBody = Type.Object({ email: EmailSchema, password: SingleLine({ minLength: 1, maxLength: 256 }) });
export const RefreshBody = Type.Object({ refreshToken: OpaqueTokenSchema });
export const ForgotPasswordBody = Type.Object({ email: EmailSchema });
export const ResetPasswordBody = Type.Object({ token: OpaqueTokenSchema, password: PasswordSchema });
export const VerifyEmailBody = Type.Object({ token: OpaqueTokenSchema });
export const VerifyLoginBody = Type.Object({ challengeToken: OpaqueTokenSchema, code: CodeSchema });
export const TotpCodeBody = Type.Object({ code: CodeSchema });
export const UpdateMeBody = Type.Object({
  activeOrgId: Type.Optional(Type.String({ format: "uuid" })),
  name: Type.Optional(NameSchema),
});

export type RegisterInput = Static<typeof RegisterBody>;
export type LoginInput = Static<typeof LoginBody>;
export type UpdateMeInput = Static<typeof UpdateMeBody>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
