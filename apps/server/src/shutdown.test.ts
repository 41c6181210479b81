import { describe, expect, test } from "bun:test";
import { silentLogger } from "@geckoguard/core";
import { drainAndClose, type DrainableServer } from "./shutdown.ts";

function fakeServer(drains: boolean) {
  const calls: boolean[] = [];
  const server: DrainableServer = {
    stop(force = false) {
      calls.push(force);
      return force || drains ? Promise.resolve() : new Promise(() => {});
    },
  };
  return { server, calls };
}

describe("graceful shutdown", () => {
  test("waits for the drain, then runs the closers in order", async () => {
    const { server, calls } = fakeServer(true);
    const order: string[] = [];
    const clean = await drainAndClose(
      server,
      [
        { name: "webhooks", close: async () => void order.push("webhooks") },
        { name: "runtime", close: async () => void order.push("runtime") },
      ],
      { timeoutMs: 60_000, logger: silentLogger },
    );
    expect(clean).toBe(true);
    expect(calls).toEqual([false]);
    expect(order).toEqual(["webhooks", "runtime"]);
  });

  test("a drain that never ends is cut after the timeout and the closers still run", async () => {
    const { server, calls } = fakeServer(false);
    let closed = false;
    const clean = await drainAndClose(server, [{ name: "runtime", close: async () => void (closed = true) }], { timeoutMs: 20, logger: silentLogger });
    expect(clean).toBe(false);
    expect(calls).toEqual([false, true]);
    expect(closed).toBe(true);
  });

  test("a failing closer does not stop the next one, and the stop is reported unclean", async () => {
    const { server } = fakeServer(true);
    const warnings: string[] = [];
    const logger = { ...silentLogger, error: (event: string, fields?: Record<string, unknown>) => void warnings.push(`${event} ${fields?.closer}`) };
    let databaseClosed = false;
    const clean = await drainAndClose(
      server,
      [
        { name: "webhooks", close: () => Promise.reject(new TypeError("boom")) },
        { name: "runtime", close: async () => void (databaseClosed = true) },
      ],
      { timeoutMs: 60_000, logger },
    );
    expect(clean).toBe(false);
    expect(databaseClosed).toBe(true);
    expect(warnings).toEqual(["server.close_failed webhooks"]);
  });
});
