import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runUntilExit } from "./support/failed-start.ts";
import { startServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { PASSWORD } from "./support/accounts.ts";

const dataDir = mkdtempSync(join(tmpdir(), "gg-admin-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test("create-admin on a fresh data dir makes a verified owner who can log in and use the org", async () => {
  const created = await runUntilExit({ GG_DATA_DIR: dataDir }, ["create-admin", "--email", "Root@Example.com", "--password", PASSWORD, "--org", "Acme Licensing"]);
  expect(created.exitCode).toBe(0);
  expect(created.stderrLines).toEqual([]);
  expect(created.stdout).toContain("root@example.com");

  // The password may come from the environment instead of the command line.
  const second = await runUntilExit({ GG_DATA_DIR: dataDir, GG_ADMIN_PASSWORD: PASSWORD }, ["create-admin", "--email=ops@example.com"]);
  expect(second.exitCode).toBe(0);

  const server = await startServer({ dataDir });
  try {
    const api = apiClient(server.baseUrl);
    const login = await api("POST", "/v1/auth/login", { body: { email: "root@example.com", password: PASSWORD } });
    expect(login.status).toBe(200);
    const token = login.body.data.accessToken as string;
    const me = await api("GET", "/v1/dashboard/me", { token });
    expect(me.body.data.user).toMatchObject({ email: "root@example.com", emailVerified: true });
    expect(me.body.data.orgs).toHaveLength(1);
    expect(me.body.data.orgs[0]).toMatchObject({ name: "Acme Licensing", role: "owner" });
    expect(me.body.data.activeOrgId).toBe(me.body.data.orgs[0].id);
    const product = await api("POST", "/v1/dashboard/products", { token, body: { name: "App" } });
    expect(product.status).toBe(201);

    const ops = await api("POST", "/v1/auth/login", { body: { email: "ops@example.com", password: PASSWORD } });
    const opsMe = await api("GET", "/v1/dashboard/me", { token: ops.body.data.accessToken });
    expect(opsMe.body.data.orgs[0]).toMatchObject({ name: "Default", role: "owner" });
  } finally {
    await server.stop({ keepData: true });
  }
});

test("create-admin refuses a taken email, bad input and missing flags in one line, changing nothing", async () => {
  const cases: [string[], RegExp][] = [
    [["--email", "root@example.com", "--password", "another long password"], /root@example\.com already exists/],
    [["--email", "not-an-email", "--password", PASSWORD], /--email/],
    [["--email", "x@example.com", "--password", "short"], /--password must be 10/],
    [["--email", "x@example.com"], /needs --password/],
    [["--email", "x@example.com", "--password", PASSWORD, "--role", "god"], /does not take --role/],
  ];
  for (const [args, message] of cases) {
    const result = await runUntilExit({ GG_DATA_DIR: dataDir }, ["create-admin", ...args]);
    expect(result.exitCode).toBe(1);
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderrLines[0]).toMatch(message);
    expect(result.stderrLines[0]).not.toContain(PASSWORD);
  }
  // The first password still works: the refused call changed nothing.
  const server = await startServer({ dataDir });
  try {
    const login = await apiClient(server.baseUrl)("POST", "/v1/auth/login", { body: { email: "root@example.com", password: PASSWORD } });
    expect(login.status).toBe(200);
  } finally {
    await server.stop({ keepData: true });
  }
});
