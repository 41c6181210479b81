import { prepareLogin, startSubscriptionClock, systemClock, type GgContext, type Logger, type MailSender } from "@geckoguard/core";
import { HttpMetrics, geckoguard, webhookMetrics } from "@geckoguard/elysia";
import { createLibsqlStore, migrate, openDatabase, sharedStateStores, type GgDatabase, type SqlRunner } from "@geckoguard/store-libsql";
import { startAuthorizePath, hotPathRunner, type AuthorizePath } from "./authorize-path.ts";
import { buildContext } from "./build-context.ts";
import { jsonLogger } from "./json-logger.ts";
import { RUNTIME_DEFAULTS, type CreateGeckoguardOptions } from "./options.ts";
import { secretBytes } from "./secret-bytes.ts";
import { startWebhookDelivery } from "./webhook-delivery.ts";
import { startMailDelivery } from "./mail-delivery.ts";
import { mailMetrics } from "./mail-metrics.ts";

/** A running GeckoGuard: mount `plugin` in an Elysia app, call `close()` when stopping. */
export interface Geckoguard {
  /** The whole API as one Elysia plugin (`app.use(gg.plugin)`). */
  plugin: ReturnType<typeof geckoguard>;
  /** The use cases' ports, for a host that calls core directly (e.g. `context.accessTokens.verify`). */
  context: GgContext;
  database: GgDatabase;
  /** Migrations this start applied (empty when the database was up to date). */
  appliedMigrations: string[];
  logger: Logger;
  /**
   * Stops everything in order: the subscription clock (its batch in progress commits), webhook delivery (attempts in flight get `webhooks.drainMs`),
   * the mail sender (sends in flight get `mail.drainMs`), then the authorize path (its batched writes are flushed), then the database. Every
   * step runs even when an earlier one fails; the first failure is thrown at the end.
   */
  close(): Promise<void>;
}

type Step = { name: string; run: () => Promise<void> | void };

async function runInOrder(steps: Step[], logger: Logger): Promise<void> {
  let failure: unknown = null;
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      logger.error("runtime.close_failed", { step: step.name, errorClass: (error as { name?: string })?.name });
      failure ??= error;
    }
  }
  if (failure !== null) throw failure;
}

/**
 * The one composition root: opens and migrates the database, builds the drivers, the
 * authorize path (its own thread where it can run), the webhook delivery worker and the
 * Elysia plugin. The self-host server, the examples and the tests all start here. Runs
 * on Bun and Node.
 */
export async function createGeckoguard(options: CreateGeckoguardOptions): Promise<Geckoguard> {
  const secret = secretBytes(options.jwtSecret);
  const logger = options.logger ?? jsonLogger({ level: options.logLevel ?? "info", infoTo: "stderr" });
  const database = await openDatabase({
    url: options.databaseUrl,
    authToken: options.databaseAuthToken,
    syncUrl: options.databaseSyncUrl,
    syncIntervalSeconds: options.databaseSyncIntervalSeconds ?? RUNTIME_DEFAULTS.databaseSyncIntervalSeconds,
  });
  let runner: SqlRunner | null = null;
  let authorize: AuthorizePath | null = null;
  let mail: MailSender | null = null;
  try {
    const appliedMigrations = await migrate(database.client);
    if (appliedMigrations.length > 0) logger.info("database.migrated", { applied: appliedMigrations });
    const clock = options.clock ?? systemClock;
    const store = createLibsqlStore(database.db, {
      clock,
      mailLog: (line) => logger.info(line.event, { mailId: line.mailId, to: line.to, subject: line.subject }),
    });
    const hotPath = hotPathRunner(options, database);
    runner = hotPath;
    const shared = sharedStateStores(options.sharedState ?? RUNTIME_DEFAULTS.sharedState, hotPath);
    authorize = await startAuthorizePath(options, database, hotPath, { nonces: shared.nonces }, logger);
    const context = buildContext(options, {
      store,
      clock,
      secret,
      runner: hotPath,
      // In-process mode with the authorize thread: its buckets are the process's buckets.
      buckets: authorize.threadBuckets ?? shared.rateLimits,
      idempotencyRecords: shared.idempotency,
      logger,
    });
    await prepareLogin(context);
    // One registry for the plugin's HTTP series and the webhook and mail workers' counters.
    const registry = options.metrics === false ? null : (options.metrics?.registry ?? new HttpMetrics());
    const metrics = registry === null ? false : { ...options.metrics, registry };
    const mailSettings = { ...RUNTIME_DEFAULTS.mail, ...options.mail };
    mail = startMailDelivery(database, mailSettings, { clock, logger, transport: options.mailTransport });
    const sender = mail;
    if (sender !== null && registry !== null) registry.register(mailMetrics(sender));
    const plugin = geckoguard({ ...options, metrics, context, authorize: authorize.deps, logger });
    const delivery = { ...RUNTIME_DEFAULTS.webhooks, ...options.webhooks };
    const observer = registry === null ? undefined : webhookMetrics(registry, context.store.webhookDeliveries);
    const webhooks = startWebhookDelivery(context, delivery, { ...options, observer }, logger);
    const clockSettings = { ...RUNTIME_DEFAULTS.subscriptions, ...options.subscriptions };
    const subscriptionClock = clockSettings.worker ? startSubscriptionClock({ store: context.store, clock, logger, ...clockSettings }) : null;
    const running = authorize;
    return {
      plugin,
      context,
      database,
      appliedMigrations,
      logger,
      close: () =>
        runInOrder(
          [
            { name: "subscriptions", run: () => subscriptionClock?.stop() },
            { name: "webhooks", run: () => webhooks?.stop(delivery.drainMs) },
            { name: "mail", run: () => sender?.stop(mailSettings.drainMs) },
            { name: "authorize", run: () => running.stop() },
            {
              name: "database",
              run: () => {
                hotPath.close();
                database.close();
              },
            },
          ],
          logger,
        ),
    };
  } catch (error) {
    await mail?.stop(0).catch(() => {});
    await authorize?.stop().catch(() => {});
    runner?.close();
    database.close();
    throw error;
  }
}
