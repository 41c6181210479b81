/**
 * Structured log lines (one JSON object per line in the server). Callers pass fields,
 * never secrets: no tokens, keys, passwords, hashes or raw SQL.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
