import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "./config.ts";
import { loadJwtSecret } from "./jwt-secret.ts";
import { ensureWritableDir } from "./data-dir.ts";

describe("JWT secret and data directory", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "gg-secret-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("generated once, kept with mode 0600, and read back on the next start", () => {
    const first = loadJwtSecret(undefined, dir);
    expect(first.byteLength).toBe(32);
    expect(statSync(join(dir, "jwt-secret")).mode & 0o777).toBe(0o600);
    expect(loadJwtSecret(undefined, dir)).toEqual(first);
  });

  test("GG_JWT_SECRET wins and writes nothing", () => {
    expect(new TextDecoder().decode(loadJwtSecret("c".repeat(32), dir))).toBe("c".repeat(32));
    expect(() => statSync(join(dir, "jwt-secret"))).toThrow();
  });

  test("a damaged secret file is a ConfigError naming the file", () => {
    writeFileSync(join(dir, "jwt-secret"), "short\n");
    expect(() => loadJwtSecret(undefined, dir)).toThrow(ConfigError);
    expect(() => loadJwtSecret(undefined, dir)).toThrow(/jwt-secret/);
  });

  test("a data directory that is a file is a ConfigError naming the variable", () => {
    const file = join(dir, "file");
    writeFileSync(file, "");
    expect(() => ensureWritableDir(file, "GG_DATA_DIR")).toThrow(/GG_DATA_DIR .*it is a file/);
    expect(() => ensureWritableDir(join(file, "below"), "GG_DATA_DIR")).toThrow(/GG_DATA_DIR .*ENOTDIR/);
    ensureWritableDir(join(dir, "new/nested"), "GG_DATA_DIR");
    expect(statSync(join(dir, "new/nested")).isDirectory()).toBe(true);
  });
});
