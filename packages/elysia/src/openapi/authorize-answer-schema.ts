import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, AnswerTimeOrNull } from "@geckoguard/core";

/**
 * The `data` of an allowed authorize call (core's AuthorizeAnswer with `valid: true`);
 * a denial is the error envelope with its code and status. Both are signed: verify
 * X-GG-Response-Signature with the product's public key (docs/authorize.md).
 */
export const AuthorizedSchema = Type.Object(
  {
    valid: Type.Literal(true),
    license: Type.Object(
      { id: AnswerId, status: Type.Union([Type.Literal("active"), Type.Literal("revoked")]), expiresAt: AnswerTimeOrNull },
      { additionalProperties: false },
    ),
    session: Type.Object({ id: AnswerId, expiresAt: AnswerTime }, { additionalProperties: false }),
  },
  { $id: "Authorized", additionalProperties: false },
);
