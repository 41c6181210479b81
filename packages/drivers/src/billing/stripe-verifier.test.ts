import { expect, test } from "bun:test";
import Stripe from "stripe";
import { GgError } from "@geckoguard/core";
import { stripeEventVerifier } from "./stripe-verifier.ts";

const secret = "whsec_test_verifier";
const payload = JSON.stringify({ id: "evt_1", object: "event", type: "invoice.paid", created: 1_800_000_000, data: { object: { id: "in_1" } } });
const sign = (body: string, key = secret, timestamp = 1_800_000_000) => Stripe.webhooks.generateTestHeaderStringAsync({ payload: body, secret: key, timestamp });

test("a body signed with the product's secret verifies into its event", async () => {
  const event = await stripeEventVerifier().verify(payload, await sign(payload), secret, 1_800_000_010_000);
  expect(event).toEqual({ id: "evt_1", type: "invoice.paid", created: 1_800_000_000, data: { object: { id: "in_1" } } });
});

test("another secret, an altered body, a stale timestamp or garbage: 400 VALIDATION_ERROR", async () => {
  const verifier = stripeEventVerifier();
  const refusals: [string, string, number][] = [
    [payload, await sign(payload, "whsec_other"), 1_800_000_010_000],
    [payload.replace("in_1", "in_2"), await sign(payload), 1_800_000_010_000],
    [payload, await sign(payload), 1_800_000_000_000 + 301_000],
    [payload, "t=1,v1=00", 1_800_000_010_000],
  ];
  for (const [body, header, at] of refusals) {
    const error = await verifier.verify(body, header, secret, at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GgError);
    expect((error as GgError).code).toBe("VALIDATION_ERROR");
  }
});
