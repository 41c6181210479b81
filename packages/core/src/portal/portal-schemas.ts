import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, AnswerTimeOrNull, Nullable } from "../schemas/answer-fields.ts";
import { EndUserSchema } from "../endusers/end-user-schema.ts";

/** What `presentPortalLicense` answers (present-portal-license.ts). */
export const PortalLicenseSchema = Type.Object(
  {
    id: AnswerId,
    key: Type.String({ examples: ["GG-7K2QD-M9XWA-3HFTB-PZ8RC-Y4NVE"] }),
    productId: AnswerId,
    productName: Type.String({ examples: ["Acme Studio"] }),
    state: Type.Union([Type.Literal("valid"), Type.Literal("expired"), Type.Literal("frozen"), Type.Literal("revoked")]),
    expiresAt: AnswerTimeOrNull,
    redeemedAt: AnswerTimeOrNull,
    maxHwids: Type.Integer({ minimum: 0, examples: [2] }),
    devices: Type.Array(
      Type.Object(
        {
          hwid: Type.String({ examples: ["a1b2c3d4e5f6"] }),
          name: Nullable(Type.String({ examples: ["Ada's laptop"] })),
          platform: Nullable(Type.String({ examples: ["linux-x64"] })),
          firstSeenAt: AnswerTime,
          lastSeenAt: AnswerTime,
        },
        { additionalProperties: false },
      ),
    ),
    liveSessions: Type.Integer({ minimum: 0, examples: [1] }),
    createdAt: AnswerTime,
  },
  { $id: "PortalLicense", additionalProperties: false },
);

/** The portal's token pair: the dashboard's shape with the end user in place of the user. */
export const EndUserTokenPairSchema = Type.Object(
  {
    accessToken: Type.String({ examples: ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2lnbmF0dXJl"] }),
    refreshToken: Type.String({ examples: ["gg_rt_3q2-7wEc_pr5-aVbLx9T1yQ"] }),
    expiresIn: Type.Integer({ examples: [900] }),
    tokenType: Type.Literal("Bearer"),
    endUser: EndUserSchema,
  },
  { $id: "EndUserTokenPair", additionalProperties: false },
);
