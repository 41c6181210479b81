import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { team, type Team } from "../support/team.ts";

/** docs/team-and-audit.md#audit-log: who changed what, listed, exported and verified by admins. */
describe("audit log routes", () => {
  let t: TestApp;
  let crew: Team;
  const path = (suffix = "") => `/v1/dashboard/orgs/${crew.orgId}/audit-log${suffix}`;
  beforeAll(async () => {
    t = await openTestApp();
    crew = await team(t.api);
    t.clock.advance(60_000);
    expect((await t.api("PATCH", `/v1/dashboard/orgs/${crew.orgId}`, { token: crew.owner.token, body: { name: "Acme Ltd" } })).status).toBe(200);
  });
  afterAll(() => t.close());

  test("entries name the actor, the action and the fields that moved, newest first", async () => {
    const listed = await t.api("GET", path(), { token: crew.admin.token });
    expect(listed.status).toBe(200);
    const entries = listed.body.data.entries;
    const [renamed] = entries;
    expect(renamed).toMatchObject({
      action: "org.updated",
      actor: { type: "user", id: crew.owner.userId, label: crew.owner.email },
      resource: { type: "org", id: crew.orgId },
      orgId: crew.orgId,
      productId: null,
      changes: { name: ["Acme", "Acme Ltd"] },
    });
    expect(renamed.requestId).toEqual(expect.any(String));
    expect(entries.map((e: { seq: number }) => e.seq)).toEqual([...entries.keys()].map((i) => entries.length - i));
    expect(entries.at(-1)).toMatchObject({ seq: 1, action: "org.created", prevHash: "0".repeat(64) });
    expect(listed.body.data.pagination).toMatchObject({ page: 1, total: entries.length });
  });

  test("the request id of the change is the one its answer carried", async () => {
    const response = await t.handle(
      new Request(`http://localhost/v1/dashboard/orgs/${crew.orgId}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${crew.owner.token}`, "content-type": "application/json", "x-request-id": "rename-req-1" },
        body: JSON.stringify({ name: "Acme Group" }),
      }),
    );
    expect(response.status).toBe(200);
    const [newest] = (await t.api("GET", path(), { token: crew.owner.token })).body.data.entries;
    expect(newest).toMatchObject({ requestId: "rename-req-1", changes: { name: ["Acme Ltd", "Acme Group"] } });
  });

  test("filters: action, actor, resource and time", async () => {
    const actions = async (query: string) =>
      (await t.api("GET", `${path()}?${query}`, { token: crew.owner.token })).body.data.entries.map((e: { action: string }) => e.action);
    expect(await actions("action=member.joined")).toEqual(["member.joined", "member.joined", "member.joined"]);
    expect(await actions(`resourceType=member&resourceId=${crew.viewer.userId}`)).toEqual(["member.joined"]);
    expect(await actions(`actorId=${crew.admin.userId}`)).toEqual([]);
    const start = new Date(t.clock.now() - 30_000).toISOString();
    expect(await actions(`from=${encodeURIComponent(start)}&action=org.updated`)).toEqual(["org.updated", "org.updated"]);
    expect(await actions(`to=${encodeURIComponent(start)}&action=org.updated`)).toEqual([]);
  });

  test("verify recomputes the chain; the export holds the same entries oldest first, one per line", async () => {
    const verdict = await t.api("GET", path("/verify"), { token: crew.owner.token });
    const all = (await t.api("GET", `${path()}?pageSize=200`, { token: crew.owner.token })).body.data.entries;
    expect(verdict.body.data).toEqual({ valid: true, entries: all.length, lastSeq: all.length, lastHash: all[0].hash, firstBadSeq: null });
    const exported = await t.handle(new Request(`http://localhost${path("/export?format=jsonl")}`, { headers: { authorization: `Bearer ${crew.owner.token}` } }));
    expect(exported.headers.get("content-type")).toStartWith("application/jsonl");
    const lines = (await exported.text()).trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual(all.toReversed());
  });
});
