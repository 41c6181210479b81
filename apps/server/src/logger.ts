import type { Logger } from "@geckoguard/core";

const levels = { info: 1, warn: 2, error: 3, silent: 4 } as const;

/** Past this much buffered text, info lines are written at once rather than at the end of the turn. */
const FLUSH_AT_CHARS = 64 * 1024;

/**
 * Info lines (one per request, among others) are gathered during a turn of the event loop
 * and written together: a write per line costs ~5 µs, one per turn almost nothing. They
 * are flushed when the process exits; a kill -9 may lose the current turn's lines.
 */
function batchedStdout(): { write(line: string): void; flush(): void } {
  let pending = "";
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    const text = pending;
    pending = "";
    process.stdout.write(text);
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

/** One JSON object per line: info on stdout, warn and error on stderr (written at once). */
export function jsonLogger(level: keyof typeof levels): Logger {
  const stdout = batchedStdout();
  const write = (at: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => {
    if (levels[at] < levels[level]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields }) + "\n";
    if (at === "info") return stdout.write(line);
    stdout.flush();
    process.stderr.write(line);
  };
  return {
    info: (event, fields) => write("info", event, fields),
    warn: (event, fields) => write("warn", event, fields),
    error: (event, fields) => write("error", event, fields),
  };
}
