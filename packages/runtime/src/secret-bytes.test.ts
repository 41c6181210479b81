import { describe, expect, test } from "bun:test";
import { createGeckoguard } from "./create-geckoguard.ts";
import { secretBytes } from "./secret-bytes.ts";

describe("the JWT secret", () => {
  test("text is taken as UTF-8 bytes, bytes as they are", () => {
    expect(secretBytes("x".repeat(32))).toEqual(new TextEncoder().encode("x".repeat(32)));
    const bytes = new Uint8Array(40).fill(7);
    expect(secretBytes(bytes)).toBe(bytes);
  });

  test("fewer than 32 bytes is refused at start with a clear error, before anything is opened", async () => {
    const start = (jwtSecret: string | Uint8Array) => createGeckoguard({ databaseUrl: "file:/nonexistent/folder/gg.db", jwtSecret, publicUrl: "http://localhost", logLevel: "silent" });
    await expect(start("too short")).rejects.toThrow("jwtSecret must be at least 32 bytes (got 9 bytes)");
    await expect(start(new Uint8Array(16))).rejects.toThrow("jwtSecret must be at least 32 bytes (got 16 bytes)");
    await expect(start(undefined as unknown as string)).rejects.toThrow("jwtSecret must be at least 32 bytes (got undefined)");
  });
});
