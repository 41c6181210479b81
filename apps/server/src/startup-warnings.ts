import { isLoopbackAddress, type Logger, type RegistrationPolicy } from "@geckoguard/core";

/** Whether GG_HOST only accepts connections from this machine (`0.0.0.0`, `::` and any other name or address do not). */
export function listensOnLoopbackOnly(host: string): boolean {
  return host.toLowerCase() === "localhost" || isLoopbackAddress(host);
}

/** A setting that is fine on a laptop and dangerous on a server: its name and what it means. */
interface Warning {
  event: string;
  fields: Record<string, unknown>;
}

/** The settings that can earn a warning. */
interface WarnedSettings {
  host: string;
  registration: RegistrationPolicy;
  webhooks: { allowHttp: boolean };
}

/** Pure: the warnings a configuration deserves at start. */
export function startupWarnings(config: WarnedSettings): Warning[] {
  const warnings: Warning[] = [];
  if (config.webhooks.allowHttp) {
    warnings.push({
      event: "webhooks.http_allowed",
      fields: { setting: "GG_ALLOW_HTTP_WEBHOOKS", detail: "http:// and loopback webhook URLs are accepted; for development only" },
    });
  }
  if (config.registration === "open" && !listensOnLoopbackOnly(config.host)) {
    warnings.push({
      event: "registration.open",
      fields: {
        setting: "GG_REGISTRATION",
        host: config.host,
        detail: "anyone who reaches this address can create an account; use first or closed (geckoguard create-admin) unless public sign-up is intended",
      },
    });
  }
  return warnings;
}

/** Logs them at `warn`, one line each, so they reach production logs (stderr). */
export function logStartupWarnings(config: WarnedSettings, logger: Logger): void {
  for (const warning of startupWarnings(config)) logger.warn(warning.event, warning.fields);
}
