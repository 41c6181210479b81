import { describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { verifyWebhook } from "./webhooks.ts";

const secret = "whsec_test_secret";
const body = '{"id":"01a2","type":"license.created","createdAt":"2026-11-27T10:00:00.000Z","data":{"license":{"key":"GG-ÄÖ"}}}';
const t = 1_795_000_000;
const now = t * 1000;
const sign = (timestamp: number, raw: string | Uint8Array, key = secret) => createHmac("sha256", key).update(`${timestamp}.`).update(raw).digest("hex");
const header = (timestamp = t, v1 = sign(timestamp, body)) => `t=${timestamp},v1=${v1}`;
const reasonOf = (verdict: ReturnType<typeof verifyWebhook>) => (verdict.valid ? "valid" : verdict.reason);

describe("verifyWebhook", () => {
  test("accepts a fresh, correctly signed delivery, as text or as the raw bytes", () => {
    expect(verifyWebhook(body, header(), secret, { now })).toEqual({ valid: true, timestamp: t });
    expect(verifyWebhook(new TextEncoder().encode(body), header(), secret, { now }).valid).toBe(true);
  });

  test("accepts up to the tolerance either way, and refuses one second beyond it", () => {
    expect(verifyWebhook(body, header(), secret, { now: now + 300_000 }).valid).toBe(true);
    expect(verifyWebhook(body, header(), secret, { now: now - 300_000 }).valid).toBe(true);
    expect(verifyWebhook(body, header(), secret, { now: now + 301_000 })).toEqual({ valid: false, reason: "stale_timestamp" });
    expect(verifyWebhook(body, header(), secret, { now: now - 301_000 })).toEqual({ valid: false, reason: "stale_timestamp" });
    expect(verifyWebhook(body, header(), secret, { now: now + 20_000, toleranceSec: 10 })).toEqual({ valid: false, reason: "stale_timestamp" });
  });

  test("refuses a changed body, another secret, a moved timestamp or a re-serialised body", () => {
    expect(reasonOf(verifyWebhook(body.replace("created", "deleted"), header(), secret, { now }))).toBe("bad_signature");
    expect(reasonOf(verifyWebhook(body, header(), "whsec_other", { now }))).toBe("bad_signature");
    expect(reasonOf(verifyWebhook(body, header(t + 1, sign(t, body)), secret, { now }))).toBe("bad_signature");
    expect(reasonOf(verifyWebhook(JSON.stringify(JSON.parse(body), null, 2), header(), secret, { now }))).toBe("bad_signature");
  });

  test("accepts when any of several v1 signatures matches, and ignores unknown keys", () => {
    const other = sign(t, body, "whsec_old");
    expect(verifyWebhook(body, `t=${t},v1=${other},v1=${sign(t, body)},v2=zzz`, secret, { now }).valid).toBe(true);
    expect(reasonOf(verifyWebhook(body, `t=${t},v1=${other}`, secret, { now }))).toBe("bad_signature");
  });

  test("hex case does not matter", () => {
    expect(verifyWebhook(body, header(t, sign(t, body).toUpperCase()), secret, { now }).valid).toBe(true);
  });

  const malformed: [string, string | null | undefined][] = [
    ["missing header", undefined],
    ["null header", null],
    ["empty", ""],
    ["no v1", `t=${t}`],
    ["no t", `v1=${sign(t, body)}`],
    ["t not a number", `t=soon,v1=${sign(t, body)}`],
    ["t twice", `t=${t},t=${t},v1=${sign(t, body)}`],
    ["v1 too short", `t=${t},v1=abc123`],
    ["v1 not hex", `t=${t},v1=${"z".repeat(64)}`],
    ["no equals sign", `t${t},v1=${sign(t, body)}`],
    ["oversized", `t=${t},v1=${sign(t, body)},${"x=1,".repeat(300)}`],
  ];
  test.each(malformed)("a malformed header is refused: %s", (_, value) => {
    expect(verifyWebhook(body, value, secret, { now })).toEqual({ valid: false, reason: "malformed_header" });
  });
});
