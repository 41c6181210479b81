import { GgError } from "@geckoguard/core";

/** Walks an error's `.cause` chain (drizzle wraps driver errors in DrizzleQueryError). */
function* causes(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = String((e as { code?: unknown }).code ?? "");
    const extended = String((e as { extendedCode?: unknown }).extendedCode ?? "");
    const message = String((e as { message?: unknown }).message ?? "");
    if (
      extended === "SQLITE_CONSTRAINT_UNIQUE" ||
      extended === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
      code === "SQLITE_CONSTRAINT_UNIQUE" ||
      code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
      message.includes("UNIQUE constraint failed")
    ) {
      return true;
    }
  }
  return false;
}

/** Runs a write, turning a unique violation into 409 CONFLICT with `message`. */
export async function conflictOnDuplicate<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new GgError("CONFLICT", message);
    throw error;
  }
}
