import { Type, type Static } from "@sinclair/typebox";
import { SingleLine } from "../schemas/text.ts";

export const DEVICE_NAME_MAX = 100;
export const DEVICE_PLATFORM_MAX = 64;

/** The authorize body (docs/authentication.md#signing-an-authorize-request): `hwid` ≤ 256 chars, `sessionId` a UUID. */
export const AuthorizeBody = Type.Object({
  licenseKey: SingleLine({ minLength: 1, maxLength: 128 }),
  hwid: Type.Optional(SingleLine({ minLength: 1, maxLength: 256 })),
  sessionId: Type.Optional(Type.String({ format: "uuid" })),
  appVersion: Type.Optional(SingleLine({ maxLength: 64 })),
  deviceName: Type.Optional(SingleLine({ minLength: 1, maxLength: DEVICE_NAME_MAX, description: "The machine's name as the user knows it; shown with the bound HWID" })),
  devicePlatform: Type.Optional(SingleLine({ minLength: 1, maxLength: DEVICE_PLATFORM_MAX, description: "The machine's platform, e.g. `linux-x64`; shown with the bound HWID" })),
});
export type AuthorizeInput = Static<typeof AuthorizeBody>;

/** The release body (docs/authorize.md#releasing-a-session): the license and the session of it to end. */
export const ReleaseBody = Type.Object({
  licenseKey: SingleLine({ minLength: 1, maxLength: 128 }),
  sessionId: Type.String({ format: "uuid", description: "The session id an authorize answer gave" }),
});
export type ReleaseInput = Static<typeof ReleaseBody>;
