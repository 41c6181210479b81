import { ConfigError } from "../config-error.ts";

/** Sections of `--help` and docs/configuration.md, in this order. */
export const SETTING_GROUPS = ["Server", "Database", "Security", "Limits", "Rate limits", "Logging and metrics", "Webhooks", "Mail", "Subscriptions", "Shutdown"] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

/**
 * One configuration variable: what `--help` and docs/configuration.md show, and how its
 * raw text becomes a value. An unset or empty value means the default.
 */
export interface Setting<T> {
  readonly variable: string;
  readonly group: SettingGroup;
  /** One line for the operator: what it does. */
  readonly summary: string;
  /** The default as shown to the operator. */
  readonly shownDefault: string;
  /** Allowed values as shown to the operator ("" when any text goes). */
  readonly allowed: string;
  /** Never echoed in an error message. */
  readonly secret: boolean;
  parse(raw: string | undefined): T;
}

interface Described {
  group: SettingGroup;
  summary: string;
}

function isUnset(raw: string | undefined): raw is undefined | "" {
  return raw === undefined || raw === "";
}

export function integer(variable: string, options: Described & { fallback: number; min: number; max: number }): Setting<number> {
  return {
    variable,
    group: options.group,
    summary: options.summary,
    shownDefault: String(options.fallback),
    allowed: `${options.min}–${options.max}`,
    secret: false,
    parse(raw) {
      if (isUnset(raw)) return options.fallback;
      if (!/^\d+$/.test(raw)) throw new ConfigError(`${variable} must be a whole number, got '${raw}'`);
      const value = Number(raw);
      if (value < options.min || value > options.max) throw new ConfigError(`${variable} must be between ${options.min} and ${options.max}, got ${value}`);
      return value;
    },
  };
}

export function choice<const T extends string>(variable: string, values: readonly T[], options: Described & { fallback: T }): Setting<T> {
  return {
    variable,
    group: options.group,
    summary: options.summary,
    shownDefault: options.fallback,
    allowed: values.join(", "),
    secret: false,
    parse(raw) {
      if (isUnset(raw)) return options.fallback;
      if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${variable} must be one of ${values.join(", ")}, got '${raw}'`);
      return raw as T;
    },
  };
}

/** 1/true or 0/false. */
export function flag(variable: string, options: Described & { fallback: boolean }): Setting<boolean> {
  return {
    variable,
    group: options.group,
    summary: options.summary,
    shownDefault: options.fallback ? "1" : "0",
    allowed: "1, 0",
    secret: false,
    parse(raw) {
      if (isUnset(raw)) return options.fallback;
      if (raw === "1" || raw === "true") return true;
      if (raw === "0" || raw === "false") return false;
      throw new ConfigError(`${variable} must be 1 or 0, got '${raw}'`);
    },
  };
}

/**
 * Free text; `check` returns the reason a value is refused, or null. A default that
 * depends on other settings is derived by the caller from `undefined` and only shown here.
 */
export function text<F extends string | undefined>(
  variable: string,
  options: Described & { fallback: F; shownDefault?: string; allowed?: string; secret?: boolean; check?: (value: string) => string | null },
): Setting<string | F> {
  const secret = options.secret ?? false;
  return {
    variable,
    group: options.group,
    summary: options.summary,
    shownDefault: options.shownDefault ?? options.fallback ?? "unset",
    allowed: options.allowed ?? "",
    secret,
    parse(raw) {
      if (isUnset(raw)) return options.fallback;
      const problem = options.check?.(raw) ?? null;
      if (problem !== null) throw new ConfigError(`${variable} ${problem}`);
      return raw;
    },
  };
}

/** A setting with its own parsing rule; `parse` gets the raw text, or undefined when unset or empty. */
export function custom<T>(
  variable: string,
  options: Described & { shownDefault: string; allowed: string; parse: (raw: string | undefined) => T },
): Setting<T> {
  return {
    variable,
    group: options.group,
    summary: options.summary,
    shownDefault: options.shownDefault,
    allowed: options.allowed,
    secret: false,
    parse: (raw) => options.parse(isUnset(raw) ? undefined : raw),
  };
}
