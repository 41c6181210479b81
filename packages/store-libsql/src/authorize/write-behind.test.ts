import { describe, expect, test } from "bun:test";
import type { SqlArgs, SqlRunner } from "./sql-runner.ts";
import { WriteBehind } from "./write-behind.ts";

const TTL = 3_600_000;
const T0 = 1_800_000_000_000;

function recordingRunner() {
  const written: SqlArgs[] = [];
  const runner: SqlRunner = {
    get: async () => undefined,
    run: async () => 0,
    writeReturning: async () => undefined,
    batch: async (list) => {
      written.push(...list.map((s) => s.args));
      return list.map(() => 1);
    },
    dataVersion: null,
    close: () => {},
  };
  return { runner, written };
}

describe("WriteBehind: heartbeats and lastAuthorizedAt", () => {
  test("a heartbeat that moves the stored expiry by more than 5 % of the TTL is written by the next timed write", async () => {
    const { runner, written } = recordingRunner();
    const writes = new WriteBehind(runner, 60_000, () => {});
    const later = T0 + 0.1 * TTL;
    writes.heartbeat("s1", later + TTL, later, T0 + TTL);
    await writes.writeDue();
    expect(written).toEqual([[later + TTL, later, "s1"]]);
  });

  test("a smaller move is held: the in-process expiry is exact, the row is written by flush()", async () => {
    const { runner, written } = recordingRunner();
    const writes = new WriteBehind(runner, 60_000, () => {});
    const later = T0 + 1_000;
    writes.heartbeat("s1", later + TTL, later, T0 + TTL);
    await writes.writeDue();
    expect(written).toEqual([]);
    expect(writes.pendingExpiry("s1")).toBe(later + TTL);
    await writes.flush();
    expect(written).toEqual([[later + TTL, later, "s1"]]);
    expect(writes.pendingExpiry("s1")).toBeUndefined();
  });

  test("the lag is measured against what was last written, not only the row as first read", async () => {
    const { runner, written } = recordingRunner();
    const writes = new WriteBehind(runner, 60_000, () => {});
    const t1 = T0 + 0.1 * TTL;
    writes.heartbeat("s1", t1 + TTL, t1, T0 + TTL);
    await writes.writeDue();
    const t2 = t1 + 1_000;
    writes.heartbeat("s1", t2 + TTL, t2, T0 + TTL); // stale read: the row already holds t1 + TTL
    await writes.writeDue();
    expect(written).toHaveLength(1);
    expect(writes.pendingExpiry("s1")).toBe(t2 + TTL);
  });

  test("lastAuthorizedAt: the first call is written, a later one within a minute is held until flush()", async () => {
    const { runner, written } = recordingRunner();
    const writes = new WriteBehind(runner, 60_000, () => {});
    writes.touch("l1", T0);
    await writes.writeDue();
    writes.touch("l1", T0 + 30_000);
    await writes.writeDue();
    expect(written).toEqual([[T0, "l1", T0]]);
    writes.touch("l1", T0 + 90_000);
    await writes.writeDue();
    expect(written.at(-1)).toEqual([T0 + 90_000, "l1", T0 + 90_000]);
    writes.touch("l1", T0 + 100_000);
    await writes.flush();
    expect(written.at(-1)).toEqual([T0 + 100_000, "l1", T0 + 100_000]);
  });
});
