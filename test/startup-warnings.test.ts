import { afterEach, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";

const WARNING = '"registration.open"';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/**
 * Warnings are written before the runtime starts, but to stderr, read apart from the
 * stdout line that says "listening": wait up to `ms` for them.
 */
async function linesWith(running: RunningServer, marker: string, ms: number): Promise<string[]> {
  for (let waited = 0; waited < ms && !running.output.some((line) => line.includes(marker)); waited += 20) await Bun.sleep(20);
  return running.output.filter((line) => line.includes(marker));
}

describe("GG_REGISTRATION=open on a non-loopback listen address warns at start", () => {
  test("on 0.0.0.0 (every interface): one warn line naming the setting and the address", async () => {
    // Bound to every interface for this test; it still only talks to 127.0.0.1.
    server = await startServer({ env: { GG_REGISTRATION: "open", GG_HOST: "0.0.0.0" } });
    const warnings = await linesWith(server, WARNING, 5000);
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: "warn", event: "registration.open", setting: "GG_REGISTRATION", host: "0.0.0.0" });
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });

  test("open on 127.0.0.1: no warning", async () => {
    server = await startServer({ env: { GG_REGISTRATION: "open", GG_HOST: "127.0.0.1" } });
    expect(await linesWith(server, WARNING, 500)).toEqual([]);
  });

  test("the default policy (first) on 0.0.0.0: no warning", async () => {
    server = await startServer({ env: { GG_REGISTRATION: "", GG_HOST: "0.0.0.0" } });
    expect(await linesWith(server, WARNING, 500)).toEqual([]);
  });
});
