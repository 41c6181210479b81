import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyWebhook } from "../packages/sdk/src/webhooks.ts";
import { apiClient } from "./support/http-client.ts";
import { codeBlocks } from "./support/markdown-blocks.ts";
import { orgWithProduct, signUp } from "./support/accounts.ts";
import { collect } from "./support/server-process.ts";
import { startReceiver } from "./support/webhook-receiver.ts";
import { webhooksPath } from "./support/webhook-endpoints.ts";

const repoRoot = join(import.meta.dir, "..");
/** The README's embedding snippet, run as it stands: the test has no code of its own for the host. */
const snippet = codeBlocks(join(repoRoot, "README.md"), "ts").find((block) => block.includes("createGeckoguard"));

const folder = mkdtempSync(join(tmpdir(), "gg-embedding-"));
const hooks = startReceiver();
let host: ReturnType<typeof Bun.spawn<"ignore", "pipe", "pipe">>;
const stdout: string[] = [];
const stderr: string[] = [];
let baseUrl: string;

/** The URL the host prints once it listens (stdout and stderr are kept apart to see where logs go). */
function hostListening(): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the README's host did not start:\n${[...stdout, ...stderr].join("\n")}`)), 15_000);
    void collect(host.stderr, stderr, () => {});
    void collect(host.stdout, stdout, (line) => {
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve(url);
    });
    void host.exited.then((code) => reject(new Error(`the README's host exited with ${code}:\n${stderr.join("\n")}`)));
  });
}

beforeAll(async () => {
  if (snippet === undefined) throw new Error("README.md has no ts block with createGeckoguard");
  // A host project of its own: the snippet, with the repository's packages installed beside it.
  writeFileSync(join(folder, "host.ts"), snippet);
  symlinkSync(join(repoRoot, "node_modules"), join(folder, "node_modules"));
  host = Bun.spawn([process.execPath, "host.ts"], {
    cwd: folder,
    // A string secret, as the README shows; NODE_ENV=development lets webhooks go to the loopback receiver.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PORT: "0", NODE_ENV: "development", GG_JWT_SECRET: "the embedding host's secret, 32+ characters" },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  baseUrl = await hostListening();
});

afterAll(() => {
  host?.kill("SIGKILL");
  hooks.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("GeckoGuard embedded in an Elysia host exactly as README.md shows", () => {
  test("a license created through the host's /licensing API is delivered to the endpoint, signed", async () => {
    const api = apiClient(`${baseUrl}/licensing`);
    const owner = await signUp(api);
    const { orgId, productId } = await orgWithProduct(api, owner.token);
    const endpoint = await api("POST", webhooksPath(productId), { token: owner.token, body: { url: hooks.url, events: ["license.created"] } });
    expect(endpoint.status).toBe(201);
    const created = await api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count: 1 } });
    expect(created.status).toBe(201);

    const [delivery] = await hooks.waitFor(1);
    expect(verifyWebhook(delivery!.body, delivery!.headers.get("x-geckoguard-signature-v2"), endpoint.body.data.secret).valid).toBe(true);
    expect(verifyWebhook(delivery!.body, delivery!.headers.get("x-geckoguard-signature-v2"), "whsec_not-the-secret").valid).toBe(false);
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: "license.created", data: { license: { id: created.body.data.licenses[0].id } } });
  });

  test("the runtime logs JSON lines to stderr by default, and leaves the host's stdout alone", () => {
    const events = stderr.map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toContain("database.migrated");
    expect(events).toContain("http.request");
    expect(stdout).toEqual([expect.stringMatching(/^listening on http:\/\/127\.0\.0\.1:\d+$/)]);
  });

  test("SIGTERM closes it (delivery, authorize writes, database) and exits 0", async () => {
    host.kill("SIGTERM");
    expect(await host.exited).toBe(0);
  });
});
