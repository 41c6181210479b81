import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
    expect(() => loadConfig({ GG_SHUTDOWN_TIMEOUT_MS: "-1" })).toThrow(/GG_SHUTDOWN_TIMEOUT_MS/);
    expect(() => loadConfig({ GG_DATABASE_URL: "libsql://db.example", GG_DATABASE_SYNC_URL: "libsql://primary" })).toThrow(/GG_DATABASE_SYNC_URL/);
  });
});

describe("the config file", () => {
  const dir = mkdtempSync(join(tmpdir(), "gg-config-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  test("supplies settings, with comments, export and quotes", () => {
    const path = file("ok.env", "# the port\nexport PORT=9000\n\nGG_PUBLIC_URL=\"https://licensing.example.com/\"\r\nGG_LOG_LEVEL='warn'\n");
    const config = loadConfig({}, path);
    expect(config.port).toBe(9000);
    expect(config.publicUrl).toBe("https://licensing.example.com");
    expect(config.logLevel).toBe("warn");
    expect(config.configFile).toBe(path);
  });

  test("is named by GG_CONFIG_FILE too, and the environment wins over it", () => {
    const path = file("env-wins.env", "PORT=9000\nGG_LOG_LEVEL=warn\n");
    const config = loadConfig({ GG_CONFIG_FILE: path, PORT: "9100", GG_LOG_LEVEL: "" });
    expect(config.port).toBe(9100);
    expect(config.logLevel).toBe("warn");
  });

  test("a bad value names the variable and the file", () => {
    const path = file("bad.env", "GG_LOG_LEVEL=loud\n");
    expect(() => loadConfig({}, path)).toThrow(`GG_LOG_LEVEL must be one of info, warn, error, silent, got 'loud' (set in ${path})`);
  });

  test("an unknown name, a repeated name or a malformed line is refused with its line number", () => {
    expect(() => loadConfig({}, file("typo.env", "PORT=1\nGG_LOGLEVEL=info\n"))).toThrow(/typo\.env line 2: unknown setting GG_LOGLEVEL/);
    expect(() => loadConfig({}, file("twice.env", "PORT=1\nPORT=2\n"))).toThrow(/twice\.env line 2: PORT is set twice/);
    expect(() => loadConfig({}, file("junk.env", "just words\n"))).toThrow(/junk\.env line 1: expected NAME=value/);
    expect(() => loadConfig({}, file("nested.env", `GG_CONFIG_FILE=${join(dir, "ok.env")}\n`))).toThrow(/cannot name another/);
  });

  test("a missing file is one clear error", () => {
    expect(() => loadConfig({}, join(dir, "absent.env"))).toThrow(/config file '.*absent\.env' cannot be read \(ENOENT\)/);
  });

  test("secrets are never echoed in errors", () => {
    const path = file("secret.env", "GG_JWT_SECRET=tooshort-but-secret\n");
    let message = "";
    try {
      loadConfig({}, path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("GG_JWT_SECRET");
    expect(message).not.toContain("tooshort-but-secret");
    expect(() => loadConfig({ GG_METRICS_TOKEN: "abc" })).toThrow(/GG_METRICS_TOKEN must be at least 16/);
  });
  test("webhooks: production rules and a running worker by default; each knob validated", () => {
    expect(loadConfig({}).webhooks).toEqual({ allowHttp: false, worker: true, backoffBaseMs: 60_000, pollIntervalMs: 1000, concurrency: 16, drainMs: 10_000 });
    const dev = loadConfig({ GG_ALLOW_HTTP_WEBHOOKS: "1", GG_WEBHOOK_WORKER: "0", GG_WEBHOOK_BACKOFF_BASE_MS: "50" }).webhooks;
    expect(dev).toMatchObject({ allowHttp: true, worker: false, backoffBaseMs: 50 });
    expect(() => loadConfig({ GG_ALLOW_HTTP_WEBHOOKS: "yes" })).toThrow(/GG_ALLOW_HTTP_WEBHOOKS/);
    expect(() => loadConfig({ GG_WEBHOOK_BACKOFF_BASE_MS: "0" })).toThrow(/GG_WEBHOOK_BACKOFF_BASE_MS/);
    expect(() => loadConfig({ GG_WEBHOOK_CONCURRENCY: "1000" })).toThrow(/GG_WEBHOOK_CONCURRENCY/);
  });
  test("rate limits default to the documented values (docs/authentication.md#rate-limits), state stays in the process, X-Forwarded-For is not trusted", () => {
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
