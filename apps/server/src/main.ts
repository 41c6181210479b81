#!/usr/bin/env bun
import { MigrationMismatchError, SchemaTooNewError } from "@geckoguard/store-libsql";
import { ConfigError, loadConfig } from "./config.ts";
import { serve } from "./commands/serve.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { mailCommand } from "./commands/mail.ts";
import { VERSION } from "./version.ts";

const HELP = `geckoguard ${VERSION}: software licensing server

Usage: geckoguard <command>

Commands:
  serve            migrate the database and serve the API (default)
  migrate          apply pending database migrations and exit
  mail [count]     print the newest queued mails (verification / reset links)
  version          print the version
  help             this text

Environment (defaults run embedded with zero set-up):
  PORT                     listen port (8787)
  GG_HOST                  listen address (0.0.0.0)
  GG_DATA_DIR              data directory (./data)
  GG_DATABASE_URL          file:…, libsql://…, http(s)://… (file:$GG_DATA_DIR/geckoguard.db)
  GG_DATABASE_AUTH_TOKEN   token for a remote libSQL server / Turso
  GG_DATABASE_SYNC_URL     with a file: URL, keep it as an embedded replica of this primary
  GG_JWT_SECRET            ≥ 32 chars; otherwise generated once into $GG_DATA_DIR/jwt-secret
  GG_PUBLIC_URL            base URL for mailed links (http://localhost:$PORT)
  GG_BODY_LIMIT_BYTES      largest JSON body (1048576)
  GG_IMPORT_LIMIT_BYTES    largest license import body (536870912)
  GG_LOG_LEVEL             info | warn | error | silent (info)
  GG_SHARED_STATE          memory | database: where rate-limit buckets, idempotency records
                           and nonces live; database when several processes share one (memory)
  GG_SYNCHRONOUS           normal | full: SQLite synchronous of the hot-path connection (normal)
  GG_TRUST_PROXY           false | true | number of reverse proxies in front; only then is
                           X-Forwarded-For used for the client IP (false)
  GG_RATE_LIMIT_IP_PER_MIN             JWT routes and /v1/auth/*, per IP (120)
  GG_RATE_LIMIT_AUTH_IP_PER_MIN        login, TOTP, register, forgot-password, per IP (10)
  GG_RATE_LIMIT_AUTH_ACCOUNT_PER_MIN   the same, per account email (5)
  GG_RATE_LIMIT_APIKEY_IP_PER_MIN      API-key routes, per IP (600)
  GG_RATE_LIMIT_KEY_PER_MIN            API-key routes, per key (60000)
  GG_RATE_LIMIT_PRODUCT_PER_MIN        API-key routes, per product (120000)
  GG_RATE_LIMIT_LICENSE_PER_MIN        authorize, per license key (20)
  GG_ALLOW_HTTP_WEBHOOKS   1: allow http:// and private/loopback webhook URLs (development only)
  GG_WEBHOOK_WORKER        0: do not deliver webhooks from this process (1)
  GG_WEBHOOK_BACKOFF_BASE_MS  wait before the 2nd attempt, doubled each time, ≤ 16 min (60000)
  GG_WEBHOOK_POLL_MS       idle poll period of the delivery worker (1000)
  GG_WEBHOOK_CONCURRENCY   deliveries in flight at once (16)
  GG_WEBHOOK_DRAIN_MS      on SIGTERM, time for deliveries in flight to finish (10000)
`;

/** Errors an operator can fix: printed as one line, never a stack trace. */
function isOperatorError(error: unknown): boolean {
  return error instanceof ConfigError || error instanceof SchemaTooNewError || error instanceof MigrationMismatchError;
}

async function main(argv: string[]): Promise<void> {
  const [command = "serve", ...args] = argv;
  switch (command) {
    case "serve":
      return serve(loadConfig());
    case "migrate":
      return migrateCommand(loadConfig());
    case "mail":
      return mailCommand(loadConfig(), args);
    case "version":
    case "--version":
      console.log(VERSION);
      return;
    case "help":
    case "--help":
    case "-h":
      console.log(HELP);
      return;
    default:
      throw new ConfigError(`Unknown command '${command}'; run 'geckoguard --help'`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const prefix = isOperatorError(error) ? "geckoguard" : "geckoguard: failed to start";
  // One line, no stack: driver messages are cut to their first line.
  console.error(`${prefix}: ${message.split("\n")[0]}`);
  process.exit(1);
});
