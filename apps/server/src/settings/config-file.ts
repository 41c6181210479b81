import { readFileSync } from "node:fs";
import { ConfigError } from "../config-error.ts";

/** A value and where it came from, for error messages. */
export interface RawSetting {
  value: string;
  origin: string;
}

const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) return value.slice(1, -1);
  return value;
}

/**
 * Reads a KEY=VALUE file (the format of Docker's `env_file` and systemd's
 * `EnvironmentFile`): one setting a line, `#` comment lines, optional `export ` and
 * matching quotes around the value. A name outside `known` is refused, so a typo does not
 * silently fall back to a default.
 */
export function readConfigFile(path: string, known: ReadonlySet<string>): Map<string, RawSetting> {
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`config file '${path}' cannot be read (${(error as { code?: string }).code ?? "error"})`);
  }
  const settings = new Map<string, RawSetting>();
  content
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((rawLine, index) => {
      const line = rawLine.trim();
      if (line === "" || line.startsWith("#")) return;
      const where = `${path} line ${index + 1}`;
      const match = LINE.exec(line);
      if (match === null) throw new ConfigError(`${where}: expected NAME=value`);
      const name = match[1]!;
      if (!known.has(name)) throw new ConfigError(`${where}: unknown setting ${name}; 'geckoguard --help' lists them`);
      if (name === "GG_CONFIG_FILE") throw new ConfigError(`${where}: a config file cannot name another one`);
      if (settings.has(name)) throw new ConfigError(`${where}: ${name} is set twice`);
      settings.set(name, { value: unquote(match[2]!.trim()), origin: path });
    });
  return settings;
}
