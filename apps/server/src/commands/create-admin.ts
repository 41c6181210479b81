import { Value } from "@sinclair/typebox/value";
import { EmailSchema, NameSchema, PasswordSchema, actingAs, createAdmin, isGgError, silentLogger, systemOrigin, uuidv7 } from "@geckoguard/core";
import { onlyFlags, type CommandLine } from "../cli-args.ts";
import { ConfigError } from "../config-error.ts";
import type { ServerConfig } from "../config.ts";
import { startRuntime } from "../runtime.ts";

/** Where the password may come from instead of --password (which other users can see in `ps`). */
export const ADMIN_PASSWORD_VARIABLE = "GG_ADMIN_PASSWORD";

function required(line: CommandLine, flag: string, fallback?: string): string {
  const value = line.flags.get(flag) ?? fallback;
  if (value === undefined || value === "") throw new ConfigError(`create-admin needs --${flag}`);
  return value;
}

/**
 * `geckoguard create-admin --email E --password P [--org NAME] [--name NAME]`: the first
 * account (email verified) and an org it owns, without the HTTP API or a mailbox.
 */
export async function createAdminCommand(config: ServerConfig, line: CommandLine, env: Record<string, string | undefined>): Promise<void> {
  onlyFlags(line, ["email", "password", "org", "name"]);
  const email = required(line, "email");
  const password = required(line, "password", env[ADMIN_PASSWORD_VARIABLE]);
  const orgName = line.flags.get("org") ?? "Default";
  const name = line.flags.get("name");
  if (!Value.Check(EmailSchema, email)) throw new ConfigError(`--email '${email}' is not an email address`);
  if (!Value.Check(PasswordSchema, password)) throw new ConfigError("--password must be 10 to 256 characters");
  if (!Value.Check(NameSchema, orgName)) throw new ConfigError("--org must be 1 to 200 characters and not blank");
  if (name !== undefined && !Value.Check(NameSchema, name)) throw new ConfigError("--name must be 1 to 200 characters and not blank");

  // A one-off command: no webhook delivery (the server delivers what it records).
  const runtime = await startRuntime(config, silentLogger, { webhooks: { worker: false } });
  try {
    // The audit log names the command as the actor (there is no user before it runs).
    const acting = actingAs(runtime.context, systemOrigin("cli:create-admin", uuidv7(), "geckoguard create-admin"));
    const { user, org } = await createAdmin(acting, { email, password, orgName, ...(name ? { name } : {}) });
    console.log(`Created ${user.email} (user ${user.id}), owner of org '${org.name}' (${org.id}).`);
  } catch (error) {
    if (isGgError(error) && error.code === "CONFLICT") throw new ConfigError(`create-admin: ${error.message}; nothing was changed`);
    throw error;
  } finally {
    await runtime.close();
  }
}
