type HeaderSet = { headers: Record<string, string | number> };

/**
 * The one place an answer is kept out of browser and proxy caches. Both markers below
 * call it from a route's `transform`, before validation and the handler, so an answer
 * replayed for an Idempotency-Key carries it as well.
 */
export function keepOutOfCaches(set: HeaderSet): void {
  set.headers["cache-control"] = "no-store";
}

/**
 * Route (or route group) transform for answers that show license keys: license objects
 * and exports. A license key is a credential an end user types in, so the answer is
 * `no-store`; unlike `answerHoldsSecret` it stays replayable by Idempotency-Key (the key
 * is stored anyway, and a retried create must get the same licenses back).
 */
export function answerHoldsLicenseKeys({ set }: { set: HeaderSet }): void {
  keepOutOfCaches(set);
}
