import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * The outbox row format: one line per event, `<id> <type> <data JSON>` (ids and types
 * hold no space; JSON.stringify never emits a raw newline), deflate-raw at level 1:
 * a bulk change's 500 near-identical license payloads (~330 KB) become ~35 KB in
 * ~0.3 ms, so the request writes a few pages instead of hundreds.
 */
export interface BatchedEvent {
  id: string;
  type: string;
  /** JSON text. */
  data: string;
}

export function packEvents(events: BatchedEvent[]): Buffer {
  return deflateRawSync(Buffer.from(events.map((e) => `${e.id} ${e.type} ${e.data}`).join("\n")), { level: 1 });
}

export function unpackEvents(packed: Uint8Array): BatchedEvent[] {
  return inflateRawSync(packed)
    .toString("utf8")
    .split("\n")
    .map((line) => {
      const first = line.indexOf(" ");
      const second = line.indexOf(" ", first + 1);
      return { id: line.slice(0, first), type: line.slice(first + 1, second), data: line.slice(second + 1) };
    });
}
