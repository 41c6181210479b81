import type { Logger } from "@geckoguard/core";

/** From the most to the least said; a logger writes its level and those after it. */
export const LOG_LEVELS = ["info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Past this much buffered text, info lines are written at once rather than at the end of the turn. */
const FLUSH_AT_CHARS = 64 * 1024;

type Stream = { write(text: string): unknown };

/**
 * Info lines (one per request, among others) are gathered during a turn of the event loop
 * and written together: a write per line costs ~5 µs, one per turn almost nothing. They
 * are flushed when the process exits; a kill -9 may lose the current turn's lines.
 */
function batched(stream: Stream): { write(line: string): void; flush(): void } {
  let pending = "";
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    const text = pending;
    pending = "";
    stream.write(text);
  };
  process.on("exit", flush);
  return {
    write(line) {
      pending += line;
      if (pending.length >= FLUSH_AT_CHARS) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

export interface JsonLoggerOptions {
  /** Lowest level written (default info). */
  level?: LogLevel;
  /**
   * Where info lines go: stdout for the self-host server (its output is the log), stderr
   * (the default) inside a host app, whose stdout stays its own. Warnings and errors
   * always go to stderr, written at once.
   */
  infoTo?: "stdout" | "stderr";
}

/** One JSON object per line, each with its time, level and event. */
export function jsonLogger(options: JsonLoggerOptions = {}): Logger {
  const level = options.level ?? "info";
  const info = batched(options.infoTo === "stdout" ? process.stdout : process.stderr);
  const write = (at: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(at) < LOG_LEVELS.indexOf(level)) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields }) + "\n";
    if (at === "info") return info.write(line);
    info.flush();
    process.stderr.write(line);
  };
  return {
    info: (event, fields) => write("info", event, fields),
    warn: (event, fields) => write("warn", event, fields),
    error: (event, fields) => write("error", event, fields),
  };
}
