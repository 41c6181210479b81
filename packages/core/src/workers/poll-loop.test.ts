import { describe, expect, test } from "bun:test";
import { startPollLoop } from "./poll-loop.ts";

describe("startPollLoop", () => {
  test("ticks at once, again on kick() well before the interval, and never after stop()", async () => {
    let ticks = 0;
    const loop = startPollLoop(async () => void ticks++, 60_000);
    await Bun.sleep(20);
    expect(ticks).toBe(1);
    loop.kick();
    await Bun.sleep(20);
    expect(ticks).toBe(2);
    await loop.stop();
    expect(loop.running).toBe(false);
    loop.kick();
    await Bun.sleep(20);
    expect(ticks).toBe(2);
  });

  test("stop() waits for the tick that is running", async () => {
    let finished = false;
    const loop = startPollLoop(async () => {
      await Bun.sleep(50);
      finished = true;
    }, 60_000);
    await Bun.sleep(10);
    await loop.stop();
    expect(finished).toBe(true);
  });
});
