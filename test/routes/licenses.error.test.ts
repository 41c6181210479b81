import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { tenantWithLicenses } from "../support/licensing-fixtures.ts";

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

async function licenseCount(orgId: string, token: string): Promise<number> {
  return (await app.api("GET", `/v1/dashboard/orgs/${orgId}/licenses`, { token })).body.data.pagination.total;
}

describe("bad input changes nothing", () => {
  test("501 licenses, unknown fields values, negative days and bad dates → 400", async () => {
    const { owner, orgId, productId } = await tenantWithLicenses(app.api, 1);
    const create = (body: object) => app.api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, ...body } });
    for (const body of [{ count: 501 }, { count: 0 }, { durationDays: -1 }, { expiresAt: "tomorrow" }, { maxHwids: 0 }, { policy: { hwidBinding: "maybe" } }, { note: "x".repeat(1001) }]) {
      const answer = await create(body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("VALIDATION_ERROR");
      expect(answer.body.error.details.length).toBeGreaterThan(0);
    }
    const big = await create({ metadata: { blob: "x".repeat(17_000) } });
    expect(big.status).toBe(400);
    expect(await licenseCount(orgId, owner.token)).toBe(1);
  });

  test("bulk: 1001 ids, negative extend, an unknown status filter, page 0 and pageSize over the maximum → 400", async () => {
    const { owner, orgId, licenses } = await tenantWithLicenses(app.api, 1);
    const ids = Array.from({ length: 1001 }, (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, "0")}`);
    const bulk = (action: string, body: object) => app.api("POST", `/v1/dashboard/orgs/${orgId}/licenses/${action}`, { token: owner.token, body });
    expect((await bulk("revoke", { ids })).status).toBe(400);
    expect((await bulk("extend", { ids: [licenses[0]!.id], days: -3 })).status).toBe(400);
    expect((await bulk("freeze", { ids: [] })).status).toBe(400);
    for (const query of ["status=deleted", "page=0", "pageSize=1001", "pageSize=0", "frozen=maybe", "endUserId=nope"]) {
      const answer = await app.api("GET", `/v1/dashboard/orgs/${orgId}/licenses?${query}`, { token: owner.token });
      expect(answer.status).toBe(400);
    }
    expect((await app.api("GET", `/v1/dashboard/orgs/${orgId}/end-users?pageSize=101`, { token: owner.token })).status).toBe(400);
    expect((await app.api("GET", `/v1/dashboard/orgs/${orgId}/licenses?pageSize=1000`, { token: owner.token })).status).toBe(200);
  });

  test("expiring: pageSize 201 → 400 VALIDATION_ERROR (the default cap of 200), 200 is fine", async () => {
    const { owner, orgId } = await tenantWithLicenses(app.api, 1);
    const expiring = (pageSize: number) => app.api("GET", `/v1/dashboard/orgs/${orgId}/licenses/expiring?pageSize=${pageSize}`, { token: owner.token });
    const over = await expiring(201);
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe("VALIDATION_ERROR");
    const atCap = await expiring(200);
    expect(atCap.status).toBe(200);
    expect(atCap.body.data.pagination.pageSize).toBe(200);
  });

  test("a bulk operation naming one license it cannot see applies to none", async () => {
    const mine = await tenantWithLicenses(app.api, 2);
    const theirs = await tenantWithLicenses(app.api, 1);
    const ids = [...mine.licenses.map((l) => l.id), theirs.licenses[0]!.id];
    const revoke = await app.api("POST", `/v1/dashboard/orgs/${mine.orgId}/licenses/revoke`, { token: mine.owner.token, body: { ids } });
    expect(revoke.status).toBe(404);
    const revoked = await app.api("GET", `/v1/dashboard/orgs/${mine.orgId}/licenses?status=revoked`, { token: mine.owner.token });
    expect(revoked.body.data.pagination.total).toBe(0);
    const del = await app.api("DELETE", `/v1/dashboard/orgs/${mine.orgId}/licenses`, { token: mine.owner.token, body: { ids } });
    expect(del.status).toBe(404);
    expect(await licenseCount(mine.orgId, mine.owner.token)).toBe(2);
    expect(await licenseCount(theirs.orgId, theirs.owner.token)).toBe(1);
  });

  test("import is all-or-nothing: one bad row or one existing key writes nothing", async () => {
    const { owner, orgId, productId, licenses } = await tenantWithLicenses(app.api, 1);
    const header = "key,status,frozen,expiresAt,durationDays,hwids,ips,note,metadata\n";
    const importCsv = (csv: string) =>
      app.api("POST", `/v1/dashboard/orgs/${orgId}/licenses/import?productId=${productId}`, { token: owner.token, rawBody: csv, headers: { "content-type": "text/csv" } });
    const bad = await importCsv(header + "GG-NEW11-AAAAA,active,false,,,,,ok,{}\nGG-NEW22-BBBBB,exploded,false,,,,,,{}\nGG-NEW33-CCCCC,active,false,soon,,,,,{}\n");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path)).toEqual(["row 3 /status", "row 4 /expiresAt"]);
    const taken = await importCsv(header + `GG-NEW44-DDDDD,active,false,,,,,,{}\n${licenses[0]!.key},active,false,,,,,,{}\n`);
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].message).toContain(licenses[0]!.key);
    const garbled = await importCsv('key,note\n"GG-X,unterminated');
    expect(garbled.status).toBe(400);
    const unknownColumn = await importCsv("key,colour\nGG-NEW55-EEEEE,red\n");
    expect(unknownColumn.status).toBe(400);
    expect(await licenseCount(orgId, owner.token)).toBe(1);
  });

  test("redeem: unknown key → 404 LICENSE_NOT_FOUND, neither or both owner forms → 400", async () => {
    const { owner, licenses } = await tenantWithLicenses(app.api, 1);
    const redeem = (body: object) => app.api("POST", "/v1/dashboard/licenses/redeem", { token: owner.token, body });
    expect((await redeem({ key: "GG-NOPE0-NOPE0", endUser: { username: "x" } })).body.error.code).toBe("LICENSE_NOT_FOUND");
    expect((await redeem({ key: licenses[0]!.key })).status).toBe(400);
  });
});
