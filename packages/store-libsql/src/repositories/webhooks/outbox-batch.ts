import { deflateRawSync, inflateRawSync } from "node:zlib";
import { uuidv7 } from "@geckoguard/core";

/**
 * The outbox row format, chosen for the request that writes it: one JSON array of
 * `[type, data]` (or `[type, data, presetId]`) serialised in one call and deflated at
 * level 1: near-identical license snapshots shrink about tenfold in a fraction of a
 * millisecond. Event ids are given when the worker unpacks the row (exactly once:
 * taking the row deletes it), so the request does not mint one UUID per event.
 */
export interface PackableEvent {
  id?: string;
  type: string;
  data: unknown;
}

export interface UnpackedEvent {
  id: string;
  type: string;
  data: unknown;
}

export function packEvents(events: PackableEvent[]): Buffer {
  const tuples = events.map((e) => (e.id === undefined ? [e.type, e.data] : [e.type, e.data, e.id]));
  return deflateRawSync(Buffer.from(JSON.stringify(tuples)), { level: 1 });
}

/** `createdAt` (when the row was written) times the new ids, so they sort with it. */
export function unpackEvents(packed: Uint8Array, createdAt: number): UnpackedEvent[] {
  const tuples = JSON.parse(inflateRawSync(packed).toString("utf8")) as [string, unknown, string?][];
  return tuples.map(([type, data, id]) => ({ id: id ?? uuidv7(createdAt), type, data }));
}
