/** A setting the operator got wrong; main prints its message as one line and exits 1. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The `code` of a failed file-system call (ENOENT, EACCES…), for a one-line message. */
export function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? "error";
}
