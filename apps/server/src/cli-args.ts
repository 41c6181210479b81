import { ConfigError } from "./config-error.ts";

export interface CommandLine {
  command: string;
  /** Arguments that are not flags, after the command. */
  positional: string[];
  /** `--name value` or `--name=value`, without the dashes. */
  flags: Map<string, string>;
  /** `--config <path>`, wherever it stands. */
  configFile: string | undefined;
}

/** Splits argv (after the program) into the command, its positional arguments and its flags. */
export function parseCommandLine(argv: string[]): CommandLine {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--") || arg === "--") {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    if (equals !== -1) {
      flags.set(name, arg.slice(equals + 1));
      continue;
    }
    const value = argv[i + 1];
    if (["help", "version"].includes(name)) {
      positional.push(arg);
      continue;
    }
    if (value === undefined || value.startsWith("--")) throw new ConfigError(`--${name} needs a value`);
    flags.set(name, value);
    i += 1;
  }
  const configFile = flags.get("config");
  flags.delete("config");
  const [command = "serve", ...rest] = positional;
  return { command, positional: rest, flags, configFile };
}

/** Refuses flags the command does not take, naming the first one. */
export function onlyFlags(line: CommandLine, allowed: readonly string[]): void {
  for (const name of line.flags.keys()) {
    if (!allowed.includes(name)) throw new ConfigError(`'${line.command}' does not take --${name}; run 'geckoguard --help'`);
  }
}
