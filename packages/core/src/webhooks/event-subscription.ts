import { GgError } from "../errors/gg-error.ts";
import { ALL_EVENTS, isWebhookEventType } from "./event-catalogue.ts";

/** Checks a subscription list: every entry a known type or "*"; "*" alone stands for all. Unknown → 400. */
export function normalizeEventList(events: string[]): string[] {
  const unknown = events.map((type, i) => ({ type, i })).filter(({ type }) => type !== ALL_EVENTS && !isWebhookEventType(type));
  if (unknown.length > 0) {
    throw new GgError("VALIDATION_ERROR", `Unknown event type(s): ${unknown.map(({ type }) => `'${type}'`).join(", ")}`, {
      details: unknown.map(({ type, i }) => ({ path: `/events/${i}`, message: `Unknown event type '${type}'` })),
    });
  }
  return events.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(events)];
}
