import { Elysia } from "elysia";
import {
  AnswerId,
  Nullable,
  OrgSchema,
  TotpCodeBody,
  UpdateMeBody,
  UserSchema,
  disableTotp,
  enableTotp,
  getMe,
  presentOrg,
  presentUser,
  setupTotp,
  updateMe,
  type GgContext,
} from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { answerHoldsSecret } from "../http/idempotency.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Type } from "@sinclair/typebox";

const MeSchema = Type.Object({ user: UserSchema, orgs: Type.Array(OrgSchema), activeOrgId: Nullable(AnswerId) }, { additionalProperties: false });

const tags = ["Account"];

function presentMe(me: Awaited<ReturnType<typeof getMe>>) {
  return { user: presentUser(me.user), orgs: me.orgs.map(presentOrg), activeOrgId: me.activeOrgId };
}

/** The signed-in user: profile, active org, TOTP management. */
export function meRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/me" })
    .use(requireUser(ctx))
    .get("", async ({ userId }) => ok(presentMe(await getMe(ctx, userId))), {
      detail: { summary: "The signed-in user, their orgs and the active org", ...answers(MeSchema), tags },
    })
    .patch("", async ({ userId, body }) => ok(presentMe(await updateMe(ctx, userId, body))), {
      body: UpdateMeBody,
      detail: { summary: "Change name or active org", ...answers(MeSchema, { errors: ["FORBIDDEN"] }), tags },
    })
    .post("/totp/setup", async ({ userId }) => ok(await setupTotp(ctx, userId)), {
      transform: answerHoldsSecret,
      detail: { summary: "Start TOTP setup: a secret and an otpauth:// URL", ...answers(Type.Object({ secret: Type.String({ examples: ["JBSWY3DPEHPK3PXP"] }), otpauthUrl: Type.String({ examples: ["otpauth://totp/GeckoGuard:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GeckoGuard"] }) }, { additionalProperties: false }), { errors: ["CONFLICT"] }), tags },
    })
    .post("/totp/enable", async ({ userId, body }) => ok(await enableTotp(ctx, userId, body.code)), {
      transform: answerHoldsSecret,
      body: TotpCodeBody,
      detail: { summary: "Confirm a code to turn TOTP on; returns 10 recovery codes", ...answers(Type.Object({ recoveryCodes: Type.Array(Type.String({ examples: ["k3v9-qm2x-8vn0"] })) }, { additionalProperties: false }), { errors: ["INVALID_TOTP", "CONFLICT"] }), tags },
    })
    .post(
      "/totp/disable",
      async ({ userId, body }) => {
        await disableTotp(ctx, userId, body.code);
        return ok({ totpEnabled: false });
      },
      { body: TotpCodeBody, detail: { summary: "Turn TOTP off with a code or recovery code", ...answers(Type.Object({ totpEnabled: Type.Literal(false) }, { additionalProperties: false }), { errors: ["INVALID_TOTP", "CONFLICT"] }), tags } },
    );
}
