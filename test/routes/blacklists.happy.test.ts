import { beforeAll, describe, expect, test } from "bun:test";
import { findBlacklistMatch } from "@geckoguard/core";
import { routeTestSetup } from "../support/test-app.ts";
import { issueApiKey, joinOrg, withKey } from "../support/api-keys.ts";

describe("blacklists: the happy paths", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let owner: string;
  let orgId: string;
  beforeAll(() => {
    ({ owner, orgId } = setup);
  });

  const newProduct = async () => (await api("POST", "/v1/dashboard/products", { token: owner, body: { orgId, name: "P" } })).body.data.product.id as string;

  test("a member adds HWID and IP entries; IP values come back in normal form; a viewer lists them", async () => {
    const productId = await newProduct();
    const member = await joinOrg(api, owner, orgId, "member");
    const base = `/v1/dashboard/blacklists/products/${productId}`;
    const hwid = await api("POST", base, { token: member, body: { type: "HWID", value: "ABC-123", reason: " chargeback " } });
    expect(hwid.status).toBe(201);
    expect(hwid.body.data.entry).toEqual({
      id: expect.any(String),
      productId,
      type: "HWID",
      value: "ABC-123",
      reason: "chargeback",
      createdAt: expect.stringMatching(/Z$/),
    });
    const range = await api("POST", base, { token: member, body: { type: "IP", value: "10.1.2.3/8" } });
    expect(range.body.data.entry).toMatchObject({ type: "IP", value: "10.0.0.0/8", reason: null });
    const mapped = await api("POST", base, { token: member, body: { type: "IP", value: "::FFFF:192.0.2.1" } });
    expect(mapped.body.data.entry.value).toBe("192.0.2.1");

    const viewer = await joinOrg(api, owner, orgId, "viewer");
    const all = await api("GET", base, { token: viewer });
    expect(all.status).toBe(200);
    expect(all.body.data.pagination).toEqual({ page: 1, pageSize: 50, total: 3, totalPages: 1 });
    const ips = await api("GET", `${base}?type=IP&pageSize=1`, { token: viewer });
    expect(ips.body.data.pagination).toEqual({ page: 1, pageSize: 1, total: 2, totalPages: 2 });
    expect(ips.body.data.entries[0].type).toBe("IP");
    const hwids = await api("GET", `${base}?type=HWID`, { token: viewer });
    expect(hwids.body.data.entries.map((e: { value: string }) => e.value)).toEqual(["ABC-123"]);
  });

  test("bulk add writes every entry and the authorize lookup sees them", async () => {
    const productId = await newProduct();
    const bulk = await api("POST", `/v1/dashboard/blacklists/products/${productId}/bulk`, {
      token: owner,
      body: {
        entries: [
          { type: "IP", value: "2001:db8::/32", reason: "abuse" },
          { type: "IP", value: "203.0.113.7" },
          { type: "HWID", value: "machine-1" },
        ],
      },
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body.data.created).toBe(3);
    expect(bulk.body.data.entries.map((e: { value: string }) => e.value)).toEqual(["2001:db8::/32", "203.0.113.7", "machine-1"]);

    const store = setup.app.context.store;
    expect((await findBlacklistMatch(store, productId, { ip: "2001:db8:1::9" }))?.value).toBe("2001:db8::/32");
    expect((await findBlacklistMatch(store, productId, { ip: "::ffff:203.0.113.7" }))?.value).toBe("203.0.113.7");
    expect((await findBlacklistMatch(store, productId, { hwid: "machine-1", ip: "198.51.100.1" }))?.type).toBe("HWID");
    expect(await findBlacklistMatch(store, productId, { hwid: "machine-2", ip: "203.0.113.8" })).toBeNull();
  });

  test("delete removes the entry", async () => {
    const productId = await newProduct();
    const base = `/v1/dashboard/blacklists/products/${productId}`;
    const added = await api("POST", base, { token: owner, body: { type: "HWID", value: "gone-soon" } });
    const removed = await api("DELETE", `${base}/${added.body.data.entry.id}`, { token: owner });
    expect(removed.body).toEqual({ ok: true, data: { deleted: true } });
    expect((await api("GET", base, { token: owner })).body.data.entries).toEqual([]);
  });

  test("the management family: write with blacklist:write, read with blacklist:read", async () => {
    const productId = await newProduct();
    const writer = await issueApiKey(api, owner, productId, ["blacklist:write"]);
    const reader = await issueApiKey(api, owner, productId, ["blacklist:read"]);
    const base = `/v1/products/${productId}/blacklists`;
    const added = await api("POST", base, withKey(writer.key, { body: { type: "IP", value: "198.51.100.0/24", reason: "bots" } }));
    expect(added.status).toBe(201);
    expect(added.body.data.entry).toMatchObject({ productId, type: "IP", value: "198.51.100.0/24", reason: "bots" });
    const listed = await api("GET", `${base}?type=IP`, withKey(reader.key));
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual({ entries: [added.body.data.entry], pagination: { page: 1, pageSize: 50, total: 1, totalPages: 1 } });
    const removed = await api("DELETE", `${base}/${added.body.data.entry.id}`, withKey(writer.key));
    expect(removed.body).toEqual({ ok: true, data: { deleted: true } });
    // What one family writes, the other sees.
    expect((await api("GET", `/v1/dashboard/blacklists/products/${productId}`, { token: owner })).body.data.pagination.total).toBe(0);
  });
});
