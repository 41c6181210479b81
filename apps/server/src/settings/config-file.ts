import { readFileSync } from "node:fs";
import { ConfigError, errorCode } from "../config-error.ts";

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
export function readConfigFile(path: string, known: ReadonlySet<string>): Map<string, string> {
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`config file '${path}' cannot be read (${errorCode(error)})`);
  }
  const settings = new Map<string, string>();
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
      settings.set(name, unquote(match[2]!.trim()));
    });
  return settings;
}
