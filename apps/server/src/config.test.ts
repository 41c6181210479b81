import { describe, expect, test } from "bun:test";
import { DEFAULT_RATE_LIMITS } from "@geckoguard/core";
import { ConfigError, loadConfig, RATE_LIMIT_VARIABLES } from "./config.ts";

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
  test("webhooks: production rules and a running worker by default; each knob validated", () => {
    expect(loadConfig({}).webhooks).toEqual({ allowHttp: false, worker: true, backoffBaseMs: 60_000, pollIntervalMs: 1000, concurrency: 16, drainMs: 10_000 });
    const dev = loadConfig({ GG_ALLOW_HTTP_WEBHOOKS: "1", GG_WEBHOOK_WORKER: "0", GG_WEBHOOK_BACKOFF_BASE_MS: "50" }).webhooks;
    expect(dev).toMatchObject({ allowHttp: true, worker: false, backoffBaseMs: 50 });
    expect(() => loadConfig({ GG_ALLOW_HTTP_WEBHOOKS: "yes" })).toThrow(/GG_ALLOW_HTTP_WEBHOOKS/);
    expect(() => loadConfig({ GG_WEBHOOK_BACKOFF_BASE_MS: "0" })).toThrow(/GG_WEBHOOK_BACKOFF_BASE_MS/);
    expect(() => loadConfig({ GG_WEBHOOK_CONCURRENCY: "1000" })).toThrow(/GG_WEBHOOK_CONCURRENCY/);
  });
  test("rate limits default to CONTRACT §7, state stays in the process, X-Forwarded-For is not trusted", () => {
    const config = loadConfig({});
    expect(config.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(config.rateLimits).toMatchObject({ ipPerMin: 120, authIpPerMin: 10, authAccountPerMin: 5, licensePerMin: 20 });
    expect(config.sharedState).toBe("memory");
    expect(config.trustedProxyHops).toBe(0);
  });
  test("every rate-limit knob is read from its variable and validated", () => {
    for (const [knob, name] of Object.entries(RATE_LIMIT_VARIABLES)) {
      expect(loadConfig({ [name]: "77" }).rateLimits[knob as keyof typeof DEFAULT_RATE_LIMITS]).toBe(77);
      expect(() => loadConfig({ [name]: "0" })).toThrow(name);
      expect(() => loadConfig({ [name]: "ten" })).toThrow(name);
    }
    expect(Object.values(RATE_LIMIT_VARIABLES)).toContain("GG_RATE_LIMIT_APIKEY_IP_PER_MIN");
  });
  test("GG_SHARED_STATE and GG_TRUST_PROXY", () => {
    expect(loadConfig({ GG_SHARED_STATE: "database" }).sharedState).toBe("database");
    expect(() => loadConfig({ GG_SHARED_STATE: "redis" })).toThrow(/GG_SHARED_STATE/);
    expect(loadConfig({ GG_TRUST_PROXY: "true" }).trustedProxyHops).toBe(1);
    expect(loadConfig({ GG_TRUST_PROXY: "false" }).trustedProxyHops).toBe(0);
    expect(loadConfig({ GG_TRUST_PROXY: "2" }).trustedProxyHops).toBe(2);
    expect(() => loadConfig({ GG_TRUST_PROXY: "yes" })).toThrow(/GG_TRUST_PROXY/);
  });
});
