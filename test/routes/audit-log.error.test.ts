import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { team, type Team } from "../support/team.ts";

describe("audit log routes refuse", () => {
  let t: TestApp;
  let crew: Team;
  const path = (suffix = "") => `/v1/dashboard/orgs/${crew.orgId}/audit-log${suffix}`;
  beforeAll(async () => {
    t = await openTestApp();
    crew = await team(t.api);
  });
  afterAll(() => t.close());

  test("members and viewers (PERMISSION_DENIED), another org's admin (FORBIDDEN), no token (UNAUTHORIZED)", async () => {
    for (const suffix of ["", "/export?format=jsonl", "/verify"]) {
      for (const who of [crew.member, crew.viewer]) {
        const refused = await t.api("GET", path(suffix), { token: who.token });
        expect([refused.status, refused.body.error.code]).toEqual([403, "PERMISSION_DENIED"]);
      }
      const stranger = await t.api("GET", path(suffix), { token: crew.stranger.token });
      expect([stranger.status, stranger.body.error.code]).toEqual([403, "FORBIDDEN"]);
      expect((await t.api("GET", path(suffix))).status).toBe(401);
    }
  });

  test("bad dates, from after to, ranges over 366 days and unknown formats are 400 VALIDATION_ERROR, on the list and the export", async () => {
    const bad = ["from=yesterday", "to=2026-02-30", "from=2026-03-01&to=2026-02-01", "from=2025-01-01&to=2026-01-03", "pageSize=201"];
    for (const suffix of ["", "/export"]) {
      for (const query of bad.filter((q) => suffix === "" || !q.startsWith("pageSize"))) {
        const refused = await t.api("GET", `${path(suffix)}?${query}`, { token: crew.owner.token });
        expect([query, refused.status, refused.body.error.code]).toEqual([query, 400, "VALIDATION_ERROR"]);
      }
    }
    const format = await t.api("GET", path("/export?format=csv"), { token: crew.owner.token });
    expect([format.status, format.body.error.code]).toEqual([400, "VALIDATION_ERROR"]);
  });
});
