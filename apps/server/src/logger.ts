import type { Logger } from "@geckoguard/core";

const levels = { info: 1, warn: 2, error: 3, silent: 4 } as const;

/** One JSON object per line on stdout/stderr. */
export function jsonLogger(level: keyof typeof levels): Logger {
  const write = (at: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => {
    if (levels[at] < levels[level]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields });
    (at === "info" ? process.stdout : process.stderr).write(line + "\n");
  };
  return {
    info: (event, fields) => write("info", event, fields),
    warn: (event, fields) => write("warn", event, fields),
    error: (event, fields) => write("error", event, fields),
  };
}
