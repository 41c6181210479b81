import { describe, expect, test } from "bun:test";
import { ConfigError, loadConfig } from "./config.ts";

describe("server configuration", () => {
  test("defaults run embedded under ./data on port 8787", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.databaseUrl).toBe("file:data/geckoguard.db");
    expect(config.dataDir).toBe("./data");
  });
  test("GG_DATA_DIR moves the default database", () => {
    expect(loadConfig({ GG_DATA_DIR: "/srv/gg" }).databaseUrl).toBe("file:/srv/gg/geckoguard.db");
  });
  test("a bad value names the variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ GG_DATABASE_URL: "postgres://x" })).toThrow(/GG_DATABASE_URL/);
    expect(() => loadConfig({ GG_JWT_SECRET: "short" })).toThrow(/GG_JWT_SECRET/);
    expect(() => loadConfig({ GG_LOG_LEVEL: "loud" })).toThrow(/GG_LOG_LEVEL/);
  });
});
