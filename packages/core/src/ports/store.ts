import type { UserStore } from "./users.ts";
import type { OneTimeTokenStore, RecoveryCodeStore, RefreshTokenStore } from "./tokens.ts";
import type { OrgMemberStore, OrgStore } from "./orgs.ts";
import type { ProductStore } from "./products.ts";
import type { Mailer } from "./mail.ts";
import type { ApiKeyStore } from "./apikeys.ts";
import type { LicenseStore } from "./licenses.ts";
import type { EndUserStore } from "./endusers.ts";
import type { SessionStore } from "./sessions.ts";
import type { BlacklistStore } from "./blacklists.ts";
import type { AuditLogStore } from "./audit.ts";
import type { OutboxEventStore, WebhookDeliveryStore, WebhookEndpointStore } from "./webhooks.ts";

/**
 * Every persistent port, as one object so a use case can run several of them in a
 * transaction. `transaction(fn)` runs `fn` with a Store bound to one database
 * transaction: all writes commit together or none do. Inside `fn`, write only through
 * the `tx` it receives: a write through the outer store waits for the transaction to end
 * and fails with a busy error (an embedded database has one writer at a time).
 */
export interface Store {
  users: UserStore;
  refreshTokens: RefreshTokenStore;
  oneTimeTokens: OneTimeTokenStore;
  recoveryCodes: RecoveryCodeStore;
  orgs: OrgStore;
  members: OrgMemberStore;
  products: ProductStore;
  apiKeys: ApiKeyStore;
  licenses: LicenseStore;
  endUsers: EndUserStore;
  sessions: SessionStore;
  blacklists: BlacklistStore;
  /** The outbox mailer bound to this store, so mail commits with the change that sends it. */
  mail: Mailer;
  /** The webhook outbox: record events on the transaction store of the change (see webhooks/record-event.ts). */
  events: OutboxEventStore;
  webhookEndpoints: WebhookEndpointStore;
  webhookDeliveries: WebhookDeliveryStore;
  /** The audit log: append through audit/record-audit.ts on the transaction store of the change. */
  auditLog: AuditLogStore;
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** A cheap round trip to the database, for /v1/status. */
  ping(): Promise<void>;
}
