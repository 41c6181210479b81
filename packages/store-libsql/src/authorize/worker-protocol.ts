/** Messages between the HTTP thread and the authorize store's worker (authorize-worker.ts). */

/** One store method call; `id` 0 asks for no reply (batched writes: heartbeat, touchLicense). */
export interface StoreCall {
  id: number;
  method: string;
  args: unknown[];
}

export type ToWorker =
  | { type: "open"; path: string; synchronous: "normal" | "full"; busyTimeoutMs: number; flushIntervalMs: number }
  | { type: "calls"; calls: StoreCall[] }
  | { type: "stop" };

/** An error crosses as its name, message and driver code (drizzle-free: the store maps nothing). */
export interface ErrorShape {
  name: string;
  message: string;
  code?: string;
}

export type FromWorker =
  | { type: "ready" }
  | { type: "results"; results: [id: number, ok: boolean, value: unknown][] }
  | { type: "flush-failed"; error: ErrorShape }
  | { type: "stopped" };

export function errorShape(error: unknown): ErrorShape {
  const e = error as { name?: string; message?: string; code?: unknown };
  return { name: e?.name ?? "Error", message: e?.message ?? String(error), ...(typeof e?.code === "string" ? { code: e.code } : {}) };
}

export function errorFromShape(shape: ErrorShape): Error {
  return Object.assign(new Error(shape.message), { name: shape.name, ...(shape.code ? { code: shape.code } : {}) });
}
