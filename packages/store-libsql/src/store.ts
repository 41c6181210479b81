import { sql } from "drizzle-orm";
import type { Clock, Store } from "@geckoguard/core";
import type { Executor } from "./connection/executor.ts";
import { libsqlUsers } from "./repositories/accounts/users.ts";
import { libsqlOneTimeTokens, libsqlRecoveryCodes, libsqlRefreshTokens } from "./repositories/accounts/tokens.ts";
import { libsqlOrgMembers, libsqlOrgs } from "./repositories/accounts/orgs.ts";
import { libsqlProducts } from "./repositories/licensing/products.ts";
import { libsqlApiKeys } from "./repositories/licensing/api-keys.ts";
import { libsqlLicenses } from "./repositories/licensing/licenses.ts";
import { libsqlEndUsers } from "./repositories/licensing/end-users.ts";
import { libsqlSessions } from "./repositories/licensing/sessions.ts";
import { libsqlBlacklists } from "./repositories/licensing/blacklists.ts";
import { outboxMailer, type MailLog } from "./repositories/accounts/mail-outbox.ts";
import { libsqlOutboxEvents } from "./repositories/webhooks/outbox-events.ts";
import { libsqlWebhookEndpoints } from "./repositories/webhooks/webhook-endpoints.ts";
import { libsqlWebhookDeliveries } from "./repositories/webhooks/webhook-deliveries.ts";
import { libsqlAuditLog } from "./repositories/audit/audit-log.ts";

export interface StoreOptions {
  clock: Clock;
  mailLog: MailLog;
}

/** The Store port on a drizzle database or on one of its transactions. */
export function createLibsqlStore(db: Executor, options: StoreOptions): Store {
  return {
    users: libsqlUsers(db),
    refreshTokens: libsqlRefreshTokens(db),
    oneTimeTokens: libsqlOneTimeTokens(db),
    recoveryCodes: libsqlRecoveryCodes(db),
    orgs: libsqlOrgs(db),
    members: libsqlOrgMembers(db),
    products: libsqlProducts(db),
    apiKeys: libsqlApiKeys(db),
    licenses: libsqlLicenses(db),
    endUsers: libsqlEndUsers(db),
    sessions: libsqlSessions(db),
    blacklists: libsqlBlacklists(db),
    mail: outboxMailer(db, options.clock, options.mailLog),
    events: libsqlOutboxEvents(db),
    webhookEndpoints: libsqlWebhookEndpoints(db),
    webhookDeliveries: libsqlWebhookDeliveries(db),
    auditLog: libsqlAuditLog(db),
    transaction: (fn) => db.transaction((tx) => fn(createLibsqlStore(tx, options))),
    async ping() {
      await db.run(sql`SELECT 1`);
    },
  };
}
