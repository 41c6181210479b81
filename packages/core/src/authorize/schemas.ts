import { Type, type Static } from "@sinclair/typebox";

export const DEVICE_NAME_MAX = 100;
export const DEVICE_PLATFORM_MAX = 64;
/** No C0/C1 control characters (a name is shown in dashboards and logs as it is). */
export const NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$";

/** CONTRACT §6 body: `hwid` ≤ 256 chars, `sessionId` a UUID. */
export const AuthorizeBody = Type.Object({
  licenseKey: Type.String({ minLength: 1, maxLength: 128 }),
  hwid: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  sessionId: Type.Optional(Type.String({ format: "uuid" })),
  appVersion: Type.Optional(Type.String({ maxLength: 64 })),
  deviceName: Type.Optional(
    Type.String({ minLength: 1, maxLength: DEVICE_NAME_MAX, pattern: NO_CONTROL_CHARACTERS, description: "The machine's name as the user knows it; shown with the bound HWID" }),
  ),
  devicePlatform: Type.Optional(
    Type.String({ minLength: 1, maxLength: DEVICE_PLATFORM_MAX, pattern: NO_CONTROL_CHARACTERS, description: "The machine's platform, e.g. `linux-x64`; shown with the bound HWID" }),
  ),
});
export type AuthorizeInput = Static<typeof AuthorizeBody>;
