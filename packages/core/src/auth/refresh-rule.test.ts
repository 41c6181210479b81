import { describe, expect, test } from "bun:test";
import { judgeRefreshToken } from "./refresh-rule.ts";
import type { RefreshTokenRecord } from "../records/tokens.ts";

const base: RefreshTokenRecord = {
  id: "t1",
  userId: "u1",
  familyId: "f1",
  tokenHash: "h",
  expiresAt: 10_000,
  rotatedAt: null,
  revokedAt: null,
  createdAt: 0,
};

describe("refresh token family rule", () => {
  test("a live token is live until its expiry instant", () => {
    expect(judgeRefreshToken(base, 9_999)).toBe("live");
    expect(judgeRefreshToken(base, 10_000)).toBe("expired");
  });
  test("unknown token", () => {
    expect(judgeRefreshToken(null, 0)).toBe("unknown");
  });
  test("a rotated token presented again is reuse, even after the family was revoked", () => {
    expect(judgeRefreshToken({ ...base, rotatedAt: 5 }, 6)).toBe("reused");
    expect(judgeRefreshToken({ ...base, rotatedAt: 5, revokedAt: 7 }, 8)).toBe("reused");
    expect(judgeRefreshToken({ ...base, rotatedAt: 5 }, 20_000)).toBe("reused");
  });
  test("a logged-out token is revoked, not reuse", () => {
    expect(judgeRefreshToken({ ...base, revokedAt: 5 }, 6)).toBe("revoked");
  });
});
