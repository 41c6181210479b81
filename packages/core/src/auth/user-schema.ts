import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, AnswerTimeOrNull, Nullable } from "../schemas/answer-fields.ts";

/** What `presentUser` answers (present-user.ts); present-schemas.test.ts keeps the two in step. */
export const UserSchema = Type.Object(
  {
    id: AnswerId,
    email: Type.String({ examples: ["ada@example.com"] }),
    name: Nullable(Type.String({ examples: ["Ada Lovelace"] })),
    emailVerified: Type.Boolean(),
    emailVerifiedAt: AnswerTimeOrNull,
    totpEnabled: Type.Boolean(),
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "User", additionalProperties: false },
);

/** A login, a 2FA answer or a refresh: the token pair and the user (issue-token-pair.ts). */
export const TokenPairSchema = Type.Object(
  {
    accessToken: Type.String({ description: "JWT for `Authorization: Bearer`", examples: ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMTkzOWEzYyJ9.c2lnbmF0dXJl"] }),
    refreshToken: Type.String({ description: "Single-use; exchange at POST /v1/auth/refresh", examples: ["gg_rt_5Qm2x8Vn0PzLr7Ys3Kd1Hw9Ta4Bc6Fe"] }),
    expiresIn: Type.Integer({ description: "Seconds the access token lives", examples: [900] }),
    tokenType: Type.Literal("Bearer"),
    user: UserSchema,
  },
  { $id: "TokenPair", additionalProperties: false },
);

/** Login with 2FA on: answer the challenge at POST /v1/auth/totp/verify-login. */
export const TwoFactorChallengeSchema = Type.Object(
  {
    twoFactorRequired: Type.Literal(true),
    challengeToken: Type.String({ examples: ["gg_lc_8Hs2Kq9Zt4Wm1Xv7Np3Rb6Yc0Ld5Fg"] }),
    expiresIn: Type.Integer({ examples: [300] }),
  },
  { $id: "TwoFactorChallenge", additionalProperties: false },
);

export const LoginResultSchema = Type.Union([TokenPairSchema, TwoFactorChallengeSchema]);
