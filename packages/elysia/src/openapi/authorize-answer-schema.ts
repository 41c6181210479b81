import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, AnswerTimeOrNull, LICENSE_DENIAL_CODES, type ErrorCode } from "@geckoguard/core";

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
    update: Type.Optional(
      Type.Object(
        {
          latest: Type.Union([Type.String(), Type.Null()], { description: "The newest live version of the license's channels" }),
          available: Type.Boolean({ description: "A newer version exists that this license is entitled to" }),
          required: Type.Literal(false),
        },
        { additionalProperties: false, description: "Present when the call reported appVersion (docs/versions.md)" },
      ),
    ),
  },
  { $id: "Authorized", additionalProperties: false },
);

/** The `data` of a release that ended the session (or found it already ended). */
export const ReleasedSchema = Type.Object({ released: Type.Literal(true) }, { $id: "Released", additionalProperties: false });

/** What authorize and release can answer besides success: the signed-request checks, then the license's denials (docs/authorize.md). */
export const SIGNED_CALL_ERRORS: ErrorCode[] = [
  "UNAUTHORIZED",
  "INVALID_SIGNATURE",
  "TIMESTAMP_OUT_OF_RANGE",
  "NONCE_REUSED",
  "PERMISSION_DENIED",
  "VALIDATION_ERROR",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "PRODUCT_RATE_LIMITED",
  ...LICENSE_DENIAL_CODES,
];
