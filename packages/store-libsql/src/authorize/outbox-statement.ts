import type { WebhookEventType } from "@geckoguard/core";
import type { SqlArgs } from "./sql-runner.ts";
import { packEvents } from "../repositories/webhooks/outbox-batch.ts";
import { PRODUCT_SUBSCRIBES_SQL } from "../repositories/webhooks/subscription-sql.ts";

/**
 * For raw-SQL write paths (the authorize hot path, which writes through a SqlRunner and
 * not through the Store): the statement that appends one webhook event to the outbox
 * (a one-event outbox row, as `OutboxEventStore.record` writes it).
 * Run it in the same transaction as the change that causes it, right after it:
 *
 * - it writes nothing unless an enabled endpoint of the product subscribes to `type`
 *   (or to "*"; the rule is `PRODUCT_SUBSCRIBES_SQL`), so a product without webhooks
 *   pays one indexed EXISTS;
 * - with `afterChange`, it writes nothing unless the statement just before it on the
 *   same connection changed a row (`changes() > 0`), so a guarded write that lost its
 *   race (bind, openSession) records no event.
 *
 * `data` is the event's data, e.g. `licenseEventData(…)` / `sessionEventData(…)` from
 * @geckoguard/core.
 */
export function outboxEventStatement(
  event: { id: string; productId: string; type: WebhookEventType; data: unknown; createdAt: number },
  options: { afterChange: boolean },
): { sql: string; args: SqlArgs } {
  const sql = `INSERT INTO webhook_outbox (id, product_id, org_id, endpoint_id, event_count, events, created_at)
    SELECT ?, ?, NULL, NULL, 1, ?, ?
    WHERE ${options.afterChange ? "changes() > 0 AND " : ""}${PRODUCT_SUBSCRIBES_SQL}`;
  const packed = packEvents([{ id: event.id, type: event.type, data: event.data }]);
  return { sql, args: [event.id, event.productId, packed, event.createdAt, event.productId, event.type] };
}
