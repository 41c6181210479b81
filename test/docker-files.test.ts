import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validate } from "dockerfile-utils";
import { loadConfig } from "../apps/server/src/config.ts";
import { SETTINGS } from "../apps/server/src/settings/table.ts";
import { runUntilExit } from "./support/failed-start.ts";
import { startServer } from "./support/server-process.ts";

/**
 * No Docker engine runs here (docker/README.md): the files are checked by linters from
 * npm and against what the server itself accepts; the image was never built.
 */
const dockerDir = join(import.meta.dir, "../docker");
const dockerfile = readFileSync(join(dockerDir, "Dockerfile"), "utf8");
const composeFiles = ["compose.yaml", "compose.replica.yaml", "compose.proxy.yaml"];
const knownVariables = new Set(Object.values(SETTINGS).map((setting) => setting.variable));

type ComposeService = { environment?: Record<string, string>; image?: string; build?: unknown; volumes?: string[]; ports?: string[]; expose?: string[] };

/** Compose's interpolation as the operator's shell would leave it: defaults taken, required values made up. */
function filled(environment: Record<string, string>): Record<string, string> {
  const interpolate = (value: string) =>
    value.replace(/\$\{[A-Z_]+(?::-([^}]*)|:\?[^}]*)\}/g, (_match, fallback: string | undefined) => fallback ?? "x".repeat(40));
  return Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, interpolate(value)]));
}

function services(file: string): Record<string, ComposeService> {
  return (Bun.YAML.parse(readFileSync(join(dockerDir, file), "utf8")) as { services: Record<string, ComposeService> }).services;
}

describe("docker/Dockerfile", () => {
  test("passes dockerfile-utils' linter without a warning", () => {
    expect(validate(dockerfile).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  test("is multi-stage, ends on a slim glibc base as a non-root user, with a data volume and a health check", () => {
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.at(-1)).toBe("debian:bookworm-slim");
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(finalStage).toMatch(/^USER geckoguard$/m);
    expect(finalStage).toMatch(/GG_DATA_DIR=\/var\/lib\/geckoguard/);
    expect(finalStage).toContain('VOLUME ["/var/lib/geckoguard"]');
    expect(finalStage).toMatch(/^HEALTHCHECK .*CMD \["geckoguard", "healthcheck"\]$/m);
    expect(finalStage).toMatch(/^ENTRYPOINT \["geckoguard"\]$/m);
  });
});

describe("docker/compose*.yaml", () => {
  test("pass dclint: the compose-spec schema and its best-practice rules", () => {
    const lint = Bun.spawnSync([process.execPath, join(import.meta.dir, "../node_modules/dclint/bin/dclint.cjs"), ...composeFiles.map((f) => join(dockerDir, f)), "--color=false"]);
    expect((lint.stdout.toString() + lint.stderr.toString()).trim()).toBe("");
    expect(lint.exitCode).toBe(0);
  });

  test("set only variables the server knows, with values it accepts", () => {
    for (const file of composeFiles) {
      for (const [name, service] of Object.entries(services(file))) {
        const environment = service.environment ?? {};
        if (service.image?.startsWith("ghcr.io/tursodatabase/libsql-server") || service.image?.startsWith("caddy:")) continue;
        for (const variable of Object.keys(environment)) expect(`${file} ${name} ${variable}`).toBe(`${file} ${name} ${knownVariables.has(variable) ? variable : "(unknown)"}`);
        expect(() => loadConfig(filled(environment))).not.toThrow();
      }
    }
  });

  test("the replica file runs a libSQL server primary and the app as an embedded replica of it", () => {
    const replica = services("compose.replica.yaml");
    expect(replica.libsql?.image).toStartWith("ghcr.io/tursodatabase/libsql-server:");
    const app = loadConfig(filled(replica.geckoguard!.environment!));
    expect(app.databaseUrl).toStartWith("file:/var/lib/geckoguard/");
    expect(app.databaseSyncUrl).toBe("http://libsql:8080");
    expect(app.sharedState).toBe("database");
  });

  test("the proxy file: Caddy's official image is the only published service, GeckoGuard trusts exactly that one proxy", () => {
    const proxy = services("compose.proxy.yaml");
    expect(proxy.caddy?.image).toBe("caddy:2");
    expect(proxy.caddy?.volumes).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
    expect(proxy.caddy?.ports).toContain("0.0.0.0:443:443");
    // Published, it could be reached past Caddy with a forged X-Forwarded-For.
    expect(proxy.geckoguard?.ports).toBeUndefined();
    expect(proxy.geckoguard?.expose).toEqual(["8787"]);
    const app = loadConfig(filled(proxy.geckoguard!.environment!));
    expect(app.trustedProxyHops).toBe(1);
    expect(app.publicUrl).toBe("https://localhost");
  });
});

test("`geckoguard healthcheck`, the image's health check, answers for a running server and fails for a stopped one", async () => {
  const server = await startServer();
  const env = { PORT: String(server.port), GG_HOST: "0.0.0.0", GG_DATA_DIR: server.dataDir };
  const healthy = await runUntilExit(env, ["healthcheck"]);
  expect([healthy.exitCode, healthy.stderrLines]).toEqual([0, []]);
  await server.stop();
  const down = await runUntilExit(env, ["healthcheck"]);
  expect(down.exitCode).toBe(1);
  expect(down.stderrLines).toHaveLength(1);
  expect(down.stderrLines[0]).toContain(`127.0.0.1:${server.port}/health`);
});
