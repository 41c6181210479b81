import { ConfigError } from "../config-error.ts";
import { readConfigFile } from "./config-file.ts";
import { SETTINGS, type SettingValues } from "./table.ts";

export type Env = Record<string, string | undefined>;

const KNOWN_VARIABLES: ReadonlySet<string> = new Set(Object.values(SETTINGS).map((setting) => setting.variable));

function present(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/**
 * Parses every setting from the environment and, when one is named (`configFile`, else
 * GG_CONFIG_FILE), a config file under it: a variable set in the environment wins over
 * the file. A bad value throws a ConfigError naming the variable (and the file it came from).
 */
export function readSettings(env: Env, configFile?: string): SettingValues {
  const path = present(configFile) ?? present(env.GG_CONFIG_FILE);
  const fromFile = path === undefined ? new Map<string, string>() : readConfigFile(path, KNOWN_VARIABLES);
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(SETTINGS)) {
    const fromEnv = present(env[setting.variable]);
    const raw = fromEnv ?? fromFile.get(setting.variable);
    try {
      values[key] = setting.parse(raw);
    } catch (error) {
      if (fromEnv !== undefined || !(error instanceof ConfigError)) throw error;
      throw new ConfigError(`${error.message} (set in ${path})`);
    }
  }
  values.configFile = path;
  return values as SettingValues;
}
