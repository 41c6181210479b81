import { ALL_EVENTS } from "@geckoguard/core";

/**
 * The webhook subscription rule as one SQL condition, for the raw-SQL paths (the authorize
 * hot path's outbox statement and its `subscribed` read): true when an enabled endpoint
 * of product `?` lists event type `?` or "*". Args, in order: `[productId, type]`.
 *
 * It must agree with the TypeScript paths: recording (`subscriptionsOf` here) and the
 * fan-out (`listForFanOut` + core's `receives`) take enabled endpoints of the product,
 * and core's `subscribesTo` matches the type or "*". `subscription-sql.test.ts` compares
 * all three over a table of endpoints and events.
 */
export const PRODUCT_SUBSCRIBES_SQL = `EXISTS (
      SELECT 1 FROM webhook_endpoints e, json_each(e.events) j
      WHERE e.product_id = ? AND e.enabled = 1 AND j.value IN ('${ALL_EVENTS}', ?))`;
