import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunningCaddy {
  httpsUrl: string;
  httpUrl: string;
  /** Caddy's local CA root, to verify its `tls internal` certificates. */
  rootCa: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Runs a Caddyfile as written, with `env` filling its placeholders, on loopback only:
 * the adapted JSON config gets its listeners bound to 127.0.0.1 and its admin API off;
 * its routes and TLS settings stay the Caddyfile's.
 */
export async function startCaddy(caddyfile: string, env: Record<string, string>): Promise<RunningCaddy> {
  const home = mkdtempSync(join(tmpdir(), "gg-caddy-"));
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const caddyEnv = { PATH: process.env.PATH ?? "", HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, CADDY_HTTP_PORT: String(httpPort), CADDY_HTTPS_PORT: String(httpsPort), ...env };
  const adapt = Bun.spawnSync(["caddy", "adapt", "--config", caddyfile, "--adapter", "caddyfile"], { env: caddyEnv, stdout: "pipe", stderr: "pipe" });
  if (adapt.exitCode !== 0) throw new Error(`caddy adapt failed: ${adapt.stderr.toString()}`);
  const config = JSON.parse(adapt.stdout.toString());
  config.admin = { disabled: true };
  for (const server of Object.values(config.apps.http.servers) as { listen: string[] }[]) {
    server.listen = [...new Set(server.listen.map((address) => `127.0.0.1:${address.split(":").at(-1)}`))];
  }
  const configFile = join(home, "caddy.json");
  writeFileSync(configFile, JSON.stringify(config));
  const child = Bun.spawn(["caddy", "run", "--config", configFile], { env: caddyEnv, stdout: "ignore", stderr: "pipe" });
  const rootFile = join(home, "caddy/pki/authorities/local/root.crt");
  const httpsUrl = `https://127.0.0.1:${httpsPort}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const rootCa = readFileSync(rootFile, "utf8");
      await fetch(`${httpsUrl}/`, { tls: { ca: rootCa } });
      return {
        httpsUrl,
        httpUrl: `http://127.0.0.1:${httpPort}`,
        rootCa,
        async stop() {
          child.kill("SIGTERM");
          await child.exited;
          rmSync(home, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill("SIGKILL");
        const stderr = await new Response(child.stderr).text();
        throw new Error(`caddy did not come up: ${(error as Error).message}\n${stderr.slice(-2000)}`);
      }
      await Bun.sleep(100);
    }
  }
}
