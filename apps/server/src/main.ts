#!/usr/bin/env bun
import { MigrationMismatchError, SchemaTooNewError } from "@geckoguard/store-libsql";
import { ConfigError, loadConfig } from "./config.ts";
import { parseCommandLine, onlyFlags, type CommandLine } from "./cli-args.ts";
import { renderHelpSettings } from "./settings/render.ts";
import { serve } from "./commands/serve.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { mailCommand } from "./commands/mail.ts";
import { ADMIN_PASSWORD_VARIABLE, createAdminCommand } from "./commands/create-admin.ts";
import { backupCommand } from "./commands/backup.ts";
import { healthcheckCommand } from "./commands/healthcheck.ts";
import { VERSION } from "./version.ts";

const HELP = `geckoguard ${VERSION}: software licensing server

Usage: geckoguard [command] [arguments] [--config FILE]

Commands:
  serve              migrate the database and serve the API (the default)
  migrate            apply pending database migrations and exit
  create-admin --email EMAIL --password PASSWORD [--org NAME] [--name NAME]
                     create a user (email verified) and an org it owns ("Default"
                     unless --org); the password may come from ${ADMIN_PASSWORD_VARIABLE}
  backup FILE        write a consistent snapshot of the embedded database to FILE,
                     also while the server runs; restore: docs/deploy.md
  mail [COUNT]       print the newest queued mails (verification / reset links)
  healthcheck        exit 0 when this host's server answers GET /health with 200
  version            print the version
  help               this text

Settings: environment variables, or KEY=VALUE lines in the file named by --config or
GG_CONFIG_FILE (the environment wins). docs/configuration.md has the details.
${renderHelpSettings()}
`;

/** Errors an operator can fix: printed as one line, never a stack trace. */
function isOperatorError(error: unknown): boolean {
  return error instanceof ConfigError || error instanceof SchemaTooNewError || error instanceof MigrationMismatchError;
}

function noArguments(line: CommandLine): void {
  onlyFlags(line, []);
  if (line.positional.length > 0) throw new ConfigError(`'${line.command}' takes no arguments, got '${line.positional[0]}'`);
}

async function main(argv: string[]): Promise<void> {
  const line = parseCommandLine(argv);
  const config = () => loadConfig(process.env, line.configFile);
  switch (line.command) {
    case "serve":
      noArguments(line);
      return serve(config());
    case "migrate":
      noArguments(line);
      return migrateCommand(config());
    case "create-admin":
      if (line.positional.length > 0) throw new ConfigError(`create-admin takes flags only, got '${line.positional[0]}'`);
      return createAdminCommand(config(), line, process.env);
    case "backup":
      onlyFlags(line, []);
      return backupCommand(config(), line.positional);
    case "mail":
      onlyFlags(line, []);
      return mailCommand(config(), line.positional);
    case "healthcheck":
      noArguments(line);
      return healthcheckCommand(config());
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
      throw new ConfigError(`Unknown command '${line.command}'; run 'geckoguard --help'`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const prefix = isOperatorError(error) ? "geckoguard" : "geckoguard: failed";
  // One line, no stack: driver messages are cut to their first line.
  console.error(`${prefix}: ${message.split("\n")[0]}`);
  process.exit(1);
});
