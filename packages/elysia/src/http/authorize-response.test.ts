import { describe, expect, test } from "bun:test";
import type { AuthorizeReply } from "@geckoguard/core";
import { authorizeResponse } from "./authorize-response.ts";

function headersOf(response: Response): Record<string, string> {
  const all: Record<string, string> = {};
  response.headers.forEach((value, name) => (all[name] = value));
  return all;
}

describe("the authorize answer from a reply", () => {
  test("a valid reply: 200, the body byte for byte, its rate-limit figures and its signature", async () => {
    const body = `{"ok":true,"data":{"valid":true}}`;
    const reply: AuthorizeReply = { code: null, body, signature: "c2ln", rateLimit: { allowed: true, limit: 20, remaining: 19, resetMs: 2_500, retryAfterSeconds: 0 } };
    const response = authorizeResponse(reply);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
    expect(headersOf(response)).toEqual({
      "content-type": "application/json;charset=utf-8",
      "ratelimit-limit": "20",
      "ratelimit-remaining": "19",
      "ratelimit-reset": "3",
      "x-gg-response-signature": "c2ln",
    });
  });

  test("a refused bucket: 429 with Retry-After; a denial: the catalogue's status", () => {
    const refused = authorizeResponse({ code: "PRODUCT_RATE_LIMITED", body: "{}", signature: "c2ln", rateLimit: { allowed: false, limit: 3, remaining: 0, resetMs: 60_000, retryAfterSeconds: 20 } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("20");
    expect(authorizeResponse({ code: "HWID_MISMATCH", body: "{}", signature: "c2ln" }).status).toBe(403);
  });

  test("before the API key is known the answer is unsigned and reports no bucket", () => {
    const response = authorizeResponse({ code: "UNAUTHORIZED", body: "{}", signature: null });
    expect(response.status).toBe(401);
    expect(headersOf(response)).toEqual({ "content-type": "application/json;charset=utf-8" });
  });
});
