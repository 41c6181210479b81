import { Type, type Static } from "@sinclair/typebox";
import { SingleLine } from "../schemas/text.ts";

/** The authorize body (docs/authentication.md#signing-an-authorize-request): `hwid` ≤ 256 chars, `sessionId` a UUID. */
export const AuthorizeBody = Type.Object({
  licenseKey: SingleLine({ minLength: 1, maxLength: 128 }),
  hwid: Type.Optional(SingleLine({ minLength: 1, maxLength: 256 })),
  sessionId: Type.Optional(Type.String({ format: "uuid" })),
  appVersion: Type.Optional(SingleLine({ maxLength: 64 })),
});
export type AuthorizeInput = Static<typeof AuthorizeBody>;
