import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { apiClient } from "./support/http-client.ts";
import { codeBlocks } from "./support/markdown-blocks.ts";
import { startServer, type RunningServer } from "./support/server-process.ts";

const QUICKSTART = join(import.meta.dir, "../docs/quickstart.md");

/** Printed after the doc's own commands: the values it captured, for the checks below. */
const EPILOGUE = `
jq -nc --arg org "$ORG_ID" --arg product "$PRODUCT_ID" --arg license "$LICENSE_KEY" --arg key "$API_KEY" \\
  --arg access "$ACCESS_TOKEN" --arg refresh "$REFRESH_TOKEN" \\
  '{org: $org, product: $product, license: $license, apiKey: $key, access: $access, refresh: $refresh}' | sed 's/^/CAPTURED /'
`;

let server: RunningServer;
beforeAll(async () => {
  // The default sign-up policy (first), as a fresh install has it: empty means unset.
  server = await startServer({ env: { GG_REGISTRATION: "" } });
});
afterAll(() => server.stop());

describe("docs/quickstart.md", () => {
  test("its sh blocks, run in order with bash against a fresh server, all succeed", async () => {
    if (Bun.which("jq") === null) throw new Error("the quickstart needs jq: apt-get install jq (.ci/run does)");
    const blocks = codeBlocks(QUICKSTART, "sh");
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    const script = ["set -euo pipefail", ...blocks, EPILOGUE].join("\n");
    const run = Bun.spawn(["bash", "-c", script], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", GG_URL: server.baseUrl },
      stdout: "pipe",
      stderr: "pipe",
    });
    const [stdout, stderr, code] = await Promise.all([new Response(run.stdout).text(), new Response(run.stderr).text(), run.exited]);
    if (code !== 0) throw new Error(`quickstart failed (exit ${code}):\n${stdout}\n${stderr}`);

    const captured = JSON.parse(stdout.split("\n").find((line) => line.startsWith("CAPTURED "))!.slice("CAPTURED ".length));
    expect(captured.license).toMatch(/^GG-(?:[0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    // The refresh step replaced the spoiled access token with a working one.
    expect(captured.access).not.toBe("expired-or-spoiled");
    const api = apiClient(server.baseUrl);
    const me = await api("GET", "/v1/dashboard/me", { token: captured.access });
    expect([me.status, me.body.data.user.email, me.body.data.activeOrgId]).toEqual([200, "licensing-bot@example.com", captured.org]);

    // The API key belongs to the product, and both licenses (dashboard and API key) exist in it.
    const whoami = await api("GET", "/v1/whoami", { headers: { "x-api-key": captured.apiKey } });
    expect(whoami.body.data.productId).toBe(captured.product);
    const listed = await api("GET", `/v1/products/${captured.product}/licenses`, { headers: { "x-api-key": captured.apiKey } });
    const notes = (listed.body.data.licenses as { key: string; note: string }[]).map((license) => license.note).sort();
    expect(notes).toEqual(["order 1042", "order 1043"]);
    expect(stdout).toContain(captured.license);
  });
});
