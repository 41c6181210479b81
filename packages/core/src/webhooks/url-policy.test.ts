import { describe, expect, test } from "bun:test";
import { GgError } from "../errors/gg-error.ts";
import { assertEndpointUrl, checkUrlSyntax, resolveTarget, type WebhookUrlPolicy } from "./url-policy.ts";

const dns: Record<string, string[]> = {
  "hooks.example.com": ["93.184.215.14"],
  "v6.example.com": ["2606:4700::6810:84e5"],
  "internal.example.com": ["10.0.0.7"],
  "mixed.example.com": ["93.184.215.14", "127.0.0.1"],
  "rebind.example.com": ["::ffff:169.254.169.254"],
  localhost: ["127.0.0.1", "::1"],
};

function policy(flags: Partial<WebhookUrlPolicy> = {}): WebhookUrlPolicy {
  return {
    allowHttp: false,
    allowLoopback: false,
    async resolveHost(host) {
      const found = dns[host];
      if (!found) throw new Error("ENOTFOUND");
      return found;
    },
    ...flags,
  };
}

async function reason(raw: string, flags: Partial<WebhookUrlPolicy> = {}): Promise<string | null> {
  try {
    await assertEndpointUrl(raw, policy(flags));
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GgError);
    expect((error as GgError).code).toBe("VALIDATION_ERROR");
    return (error as GgError).details![0]!.message;
  }
}

describe("webhook URL rules", () => {
  const table: [string, Partial<WebhookUrlPolicy>, RegExp | null][] = [
    ["https://hooks.example.com/gg", {}, null],
    ["https://v6.example.com/", {}, null],
    ["https://93.184.215.14:8443/x", {}, null],
    ["https://[2606:4700::1]/x", {}, null],
    ["http://hooks.example.com/gg", {}, /https:\/\//],
    ["http://hooks.example.com/gg", { allowHttp: true }, null],
    ["ftp://hooks.example.com/", { allowHttp: true }, /https:\/\/ or http:\/\//],
    ["not a url", {}, /valid absolute URL/],
    ["/relative/path", {}, /valid absolute URL/],
    ["https://user:pw@hooks.example.com/", {}, /credentials/],
    ["https://nowhere.example.com/", {}, /does not resolve/],
    ["https://localhost/", {}, /non-public/],
    ["https://127.0.0.1/", {}, /non-public/],
    ["https://2130706433/", {}, /non-public/], // decimal form of 127.0.0.1, normalized by URL
    ["https://0x7f.1/", {}, /non-public/],
    ["https://[::1]/", {}, /non-public/],
    ["https://[::ffff:127.0.0.1]/", {}, /non-public/],
    ["https://[fe80::1]/", {}, /non-public/],
    ["https://169.254.169.254/latest/meta-data", {}, /non-public/],
    ["https://internal.example.com/", {}, /non-public/],
    ["https://mixed.example.com/", {}, /non-public/],
    ["https://rebind.example.com/", {}, /non-public/],
    ["http://127.0.0.1:9999/hook", { allowHttp: true, allowLoopback: true }, null],
    ["http://127.9.9.9/hook", { allowHttp: true, allowLoopback: true }, null],
    ["http://[::1]:9999/hook", { allowHttp: true, allowLoopback: true }, null],
    ["http://[::ffff:127.0.0.1]/hook", { allowHttp: true, allowLoopback: true }, null],
    ["http://localhost:9999/hook", { allowHttp: true, allowLoopback: true }, null],
    ["https://mixed.example.com/", { allowLoopback: true }, null],
    // The development flag admits this machine only: every other non-public target stays refused.
    ["http://169.254.169.254/latest/meta-data", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://[::ffff:169.254.169.254]/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://rebind.example.com/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://internal.example.com/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://192.168.1.10/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://172.16.0.1/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://100.64.0.1/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://0.0.0.0/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://[fe80::1]/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://[fd00::1]/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://[::]/", { allowHttp: true, allowLoopback: true }, /non-public/],
    ["http://[64:ff9b::7f00:1]/", { allowHttp: true, allowLoopback: true }, /non-public/], // NAT64 of 127.0.0.1: another host's gateway
    [`https://hooks.example.com/${"a".repeat(2100)}`, {}, /longer than/],
  ];
  test.each(table)("%s with %j", async (raw, flags, expected) => {
    const got = await reason(raw, flags);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatch(expected);
  });

  test("the delivery target is the checked address, so the connection cannot be rebound", async () => {
    const syntax = checkUrlSyntax("https://hooks.example.com/gg", { allowHttp: false });
    if (!syntax.ok) throw new Error(syntax.reason);
    const target = await resolveTarget(syntax.url, policy());
    expect(target).toEqual({ ok: true, url: syntax.url, address: "93.184.215.14" });
    const literal = await resolveTarget(new URL("https://[2606:4700::1]/"), policy());
    expect(literal.ok && literal.address).toBe("2606:4700::1");
  });
});
