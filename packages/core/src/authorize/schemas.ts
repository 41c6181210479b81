import { Type, type Static } from "@sinclair/typebox";

/** The authorize body (docs/authentication.md#signing-an-authorize-request): `hwid` ≤ 256 chars, `sessionId` a UUID. */
export const AuthorizeBody = Type.Object({
  licenseKey: Type.String({ minLength: 1, maxLength: 128 }),
  hwid: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  sessionId: Type.Optional(Type.String({ format: "uuid" })),
  appVersion: Type.Optional(Type.String({ maxLength: 64 })),
});
export type AuthorizeInput = Static<typeof AuthorizeBody>;
