import { uuidv7 } from "@geckoguard/core";

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

// Bun's native generator when there is one (a few hundred ns); core's portable one on Node.
const newUuidv7: () => string = typeof Bun !== "undefined" && typeof Bun.randomUUIDv7 === "function" ? () => Bun.randomUUIDv7() : () => uuidv7();

/**
 * The request id of a request: the caller's X-Request-Id when it is sane (≤ 128 chars of
 * [A-Za-z0-9._-], so it is safe in a log line and a header), else a new UUIDv7.
 */
export function requestIdFor(incoming: string | null): string {
  return incoming !== null && SANE_REQUEST_ID.test(incoming) ? incoming : newUuidv7();
}
