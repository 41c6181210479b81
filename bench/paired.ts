import { median } from "./support.ts";

export interface PairedVariant {
  name: string;
  handle(request: Request): Promise<Response>;
  /** The n-th request of a round (built before timing starts). */
  request(n: number): Request;
}

/** CPU time of this process (user + system), µs: time a neighbour takes is not counted. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Per-request CPU time through `handle` (no sockets), with calls alternating between the
 * variants one by one, so background flushes and GC land on all of them alike; the order
 * rotates too, so no variant always runs right after another's writes. Each round gives
 * a mean per variant; the median round is returned.
 */
export async function measurePaired(variants: PairedVariant[], rounds: number, callsPerRound: number): Promise<{ name: string; usPerCall: number }[]> {
  const means: number[][] = variants.map(() => []);
  for (let round = 0; round <= rounds; round++) {
    const requests = variants.map((variant) => Array.from({ length: callsPerRound }, (_, n) => variant.request(n)));
    const spent = variants.map(() => 0);
    for (let n = 0; n < callsPerRound; n++) {
      for (let step = 0; step < variants.length; step++) {
        const i = (n + step) % variants.length;
        const start = cpuMicros();
        const response = await variants[i]!.handle(requests[i]![n]!);
        if (response.status >= 300) throw new Error(`${variants[i]!.name} answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
        spent[i]! += cpuMicros() - start;
      }
    }
    if (round > 0) spent.forEach((us, i) => means[i]!.push(us / callsPerRound)); // round 0 warms up
  }
  return variants.map(({ name }, i) => ({ name, usPerCall: median(means[i]!) }));
}
