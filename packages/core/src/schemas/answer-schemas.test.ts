import { describe, expect, test } from "bun:test";
import { FormatRegistry, type TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { DEFAULT_POLICY } from "../products/policy.ts";
import { presentUser } from "../auth/present-user.ts";
import { TokenPairSchema, UserSchema } from "../auth/user-schema.ts";
import { presentMember, presentOrg } from "../orgs/present-org.ts";
import { MemberSchema, OrgSchema } from "../orgs/org-schema.ts";
import { presentApiKey, presentWhoami } from "../apikeys/present-api-key.ts";
import { ApiKeySchema, WhoamiSchema } from "../apikeys/api-key-schema.ts";
import { presentBlacklistEntry } from "../blacklists/present-blacklist-entry.ts";
import { BlacklistEntrySchema } from "../blacklists/blacklist-entry-schema.ts";
import { presentLicense } from "../licenses/present-license.ts";
import { LicenseSchema } from "../licenses/license-schema.ts";
import type { LicenseView } from "../records/license.ts";
import { presentSession } from "../sessions/present-session.ts";
import { SessionSchema } from "../sessions/session-schema.ts";
import { presentProduct } from "../products/present-product.ts";
import { ProductSchema } from "../products/product-schema.ts";
import { presentEndUser } from "../endusers/present-end-user.ts";
import { EndUserSchema } from "../endusers/end-user-schema.ts";
import { presentWebhookAttempt, presentWebhookDelivery, presentWebhookEndpoint } from "../webhooks/present-webhooks.ts";
import { WebhookAttemptSchema, WebhookDeliverySchema, WebhookEndpointSchema } from "../webhooks/webhook-schemas.ts";

// Elysia registers these for the server; core's tests check the same formats without it.
if (!FormatRegistry.Has("uuid")) FormatRegistry.Set("uuid", (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v));
if (!FormatRegistry.Has("date-time")) FormatRegistry.Set("date-time", (v) => !Number.isNaN(Date.parse(v)));

const id = "01939a3c-5f6e-7d2a-9b1c-3e4f5a6b7c8d";
const at = Date.parse("2026-01-15T09:30:00Z");

/** Each presenter's answer, once with every optional value filled and once with nulls. */
function expectValid(schema: TSchema, value: unknown) {
  const errors = [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`);
  expect(errors).toEqual([]);
}

const license = (filled: boolean, owner: boolean): LicenseView => ({
  id, productId: id, key: "GG-7K2QD-M9XWA-3HFTB-PZ8RC-Y4NVE", status: filled ? "revoked" : "active", frozen: filled,
  frozenAt: filled ? at : null, expiresAt: filled ? at : null, durationDays: filled ? 30 : null, policyOverrides: filled ? { maxHwids: 2 } : {},
  hwids: filled ? ["h1"] : [], ips: [],
  devices: filled ? [{ hwid: "h1", name: "laptop", platform: "linux-x64", firstSeenAt: at, lastSeenAt: at }, { hwid: "h2", name: null, platform: null, firstSeenAt: at, lastSeenAt: at }] : [], note: filled ? "n" : null, metadata: filled ? { a: 1 } : {}, endUserId: owner ? id : null,
  redeemedAt: filled ? at : null, lastAuthorizedAt: filled ? at : null, createdAt: at, updatedAt: at,
  owner: owner ? { id, username: "ada", email: null } : null, productPolicy: DEFAULT_POLICY,
});

describe("every presenter answers what its schema says (the OpenAPI document's data shapes)", () => {
  for (const filled of [true, false]) {
    const maybe = <T>(value: T) => (filled ? value : null);
    test(filled ? "with every optional value" : "with nulls and empties", () => {
      const user = { id, email: "a@example.com", name: maybe("Ada"), passwordHash: "h", emailVerifiedAt: maybe(at), totpSecret: maybe("S"), totpPendingSecret: null, totpLastStep: null, activeOrgId: null, createdAt: at, updatedAt: at };
      expectValid(UserSchema, presentUser(user));
      expectValid(TokenPairSchema, { accessToken: "a.b.c", refreshToken: "gg_rt_x", expiresIn: 900, tokenType: "Bearer", user: presentUser(user) });
      expectValid(OrgSchema, presentOrg({ org: { id, name: "Acme", createdAt: at, updatedAt: at }, role: "owner" }));
      expectValid(MemberSchema, presentMember({ orgId: id, userId: id, email: "a@example.com", name: maybe("Ada"), role: "viewer", createdAt: at }));
      const key = { id, productId: id, name: "k", prefix: "p", secretHash: "h", permissions: ["license:read" as const], lastUsedAt: maybe(at), revokedAt: maybe(at), createdAt: at, updatedAt: at };
      expectValid(ApiKeySchema, presentApiKey(key));
      expectValid(WhoamiSchema, presentWhoami({ id, name: "whoami", productId: id, orgId: id, permissions: ["license:authorize"] }));
      expectValid(BlacklistEntrySchema, presentBlacklistEntry({ id, productId: id, type: "IP", value: "10.0.0.0/8", rangeStart: null, rangeEnd: null, reason: maybe("r"), createdAt: at }));
      for (const includeOwner of [true, false]) expectValid(LicenseSchema, presentLicense(license(filled, includeOwner), at, { includeOwner }));
      expectValid(SessionSchema, presentSession({ id, licenseId: id, hwid: maybe("h"), ip: maybe("1.2.3.4"), appVersion: maybe("1"), createdAt: at, lastSeenAt: at, expiresAt: at, revokedAt: maybe(at) }));
      expectValid(ProductSchema, presentProduct({ id, orgId: id, name: "P", policy: DEFAULT_POLICY, publicKey: "pem", createdAt: at, updatedAt: at }));
      expectValid(EndUserSchema, presentEndUser({ id, orgId: id, username: "ada", email: maybe("a@example.com"), createdAt: at, updatedAt: at }));
      const endpoint = { id, productId: id, url: "https://x.example", description: maybe("d"), events: ["*"], enabled: !filled, secretSealed: "s", failingSince: maybe(at), disabledReason: maybe("r"), createdAt: at, updatedAt: at };
      expectValid(WebhookEndpointSchema, presentWebhookEndpoint(endpoint));
      const delivery = { id, eventId: id, eventType: "license.created", endpointId: id, status: filled ? ("pending" as const) : ("failed" as const), attempts: 1, attemptLimit: 6, nextAttemptAt: maybe(at), lastStatusCode: maybe(500), lastError: maybe("e"), deliveredAt: maybe(at), createdAt: at, updatedAt: at };
      expectValid(WebhookDeliverySchema, presentWebhookDelivery(delivery));
      const attempt = { id, deliveryId: id, endpointId: id, eventId: id, eventType: "t", attempt: 1, outcome: "timeout" as const, statusCode: maybe(502), error: maybe("e"), durationMs: 3, responseSnippet: maybe("x"), createdAt: at };
      expectValid(WebhookAttemptSchema, presentWebhookAttempt(attempt));
    });
  }

  test("a field the presenter adds without its schema fails the check", () => {
    const answer = { ...presentEndUser({ id, orgId: id, username: "ada", email: null, createdAt: at, updatedAt: at }), extra: 1 };
    expect(Value.Check(EndUserSchema, answer)).toBe(false);
  });
});
