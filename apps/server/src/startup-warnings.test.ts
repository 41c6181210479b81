import { describe, expect, test } from "bun:test";
import { listensOnLoopbackOnly, startupWarnings } from "./startup-warnings.ts";

const quiet = { host: "127.0.0.1", registration: "first" as const, webhooks: { allowHttp: false } };
const events = (config: Partial<Parameters<typeof startupWarnings>[0]>) => startupWarnings({ ...quiet, ...config }).map((w) => w.event);

describe("start-up warnings", () => {
  test("loopback listen addresses are this machine only; wildcard and other addresses are not", () => {
    for (const host of ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"]) expect([host, listensOnLoopbackOnly(host)]).toEqual([host, true]);
    for (const host of ["0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "example.com", "geckoguard.internal"]) expect([host, listensOnLoopbackOnly(host)]).toEqual([host, false]);
  });

  test("open sign-up warns only on a non-loopback address; http webhooks warn wherever", () => {
    expect(events({})).toEqual([]);
    expect(events({ registration: "open" })).toEqual([]);
    expect(events({ registration: "open", host: "0.0.0.0" })).toEqual(["registration.open"]);
    expect(events({ registration: "first", host: "0.0.0.0" })).toEqual([]);
    expect(events({ registration: "closed", host: "::" })).toEqual([]);
    expect(events({ webhooks: { allowHttp: true as boolean } })).toEqual(["webhooks.http_allowed"]);
    expect(events({ webhooks: { allowHttp: true as boolean }, registration: "open", host: "::" })).toEqual(["webhooks.http_allowed", "registration.open"]);
  });
});
