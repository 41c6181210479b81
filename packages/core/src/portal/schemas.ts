import { Type, type Static } from "@sinclair/typebox";
import { SingleLine } from "../schemas/text.ts";
import { PasswordSchema } from "../auth/schemas.ts";
import { EndUserEmailSchema, UsernameSchema } from "../endusers/schemas.ts";
import { LicenseKeySchema } from "../licenses/schemas.ts";

const Id = Type.String({ format: "uuid" });
const OpaqueToken = SingleLine({ minLength: 10, maxLength: 512 });

export const PortalSettingsSchema = Type.Object(
  {
    enabled: Type.Boolean({ description: "Off (the default): every /v1/enduser/* route of the org answers 403 PORTAL_DISABLED" }),
    selfRegistration: Type.Boolean({ description: "Strangers may register without a license key" }),
    hwidResetCooldownHours: Type.Integer({ minimum: 0, maximum: 8760, description: "Hours between two self-service resets of one license" }),
    maxSelfResetsPer30Days: Type.Integer({ minimum: 0, maximum: 1000, description: "Self-service resets of one license in any 30 days (0: none)" }),
    allowSessionKill: Type.Boolean({ description: "End users may revoke their licenses' live sessions" }),
  },
  { additionalProperties: false },
);
export const PatchPortalSettingsBody = Type.Partial(PortalSettingsSchema, { additionalProperties: false, minProperties: 1 });

export const EndUserRegisterBody = Type.Object({
  orgId: Id,
  email: EndUserEmailSchema,
  username: UsernameSchema,
  password: PasswordSchema,
  licenseKey: Type.Optional(LicenseKeySchema),
});
export const EndUserLoginBody = Type.Object({
  orgId: Id,
  login: SingleLine({ minLength: 1, maxLength: 254, description: "Email or username" }),
  password: SingleLine({ minLength: 1, maxLength: 256 }),
});
export const EndUserForgotPasswordBody = Type.Object({ orgId: Id, email: EndUserEmailSchema });
export const EndUserResetPasswordBody = Type.Object({ token: OpaqueToken, password: PasswordSchema });
export const EndUserRefreshBody = Type.Object({ refreshToken: OpaqueToken });
export const UpdateEndUserMeBody = Type.Object(
  {
    username: Type.Optional(UsernameSchema),
    email: Type.Optional(EndUserEmailSchema),
    password: Type.Optional(PasswordSchema),
    currentPassword: Type.Optional(SingleLine({ minLength: 1, maxLength: 256, description: "Required with any change" })),
  },
  { minProperties: 1 },
);
export const PortalRedeemBody = Type.Object({ key: LicenseKeySchema });

export type PatchPortalSettingsInput = Static<typeof PatchPortalSettingsBody>;
export type EndUserRegisterInput = Static<typeof EndUserRegisterBody>;
export type EndUserLoginInput = Static<typeof EndUserLoginBody>;
export type UpdateEndUserMeInput = Static<typeof UpdateEndUserMeBody>;
