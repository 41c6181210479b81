/** Messages between the HTTP thread and the authorize thread (authorize-worker.ts). */
import type { RateLimitSettings } from "@geckoguard/core";
import type { SharedStateMode } from "../cross-process/shared-state-stores.ts";

/** What the authorize thread answers: see `handlers` in authorize-worker.ts. */
export type WorkerMethod = "authorize" | "consume" | "purgeIdle" | "flush";

/** One call; answered in the next "results" message with the same id. */
export interface WorkerCall {
  id: number;
  method: WorkerMethod;
  args: unknown[];
}

export interface OpenMessage {
  type: "open";
  path: string;
  synchronous: "normal" | "full";
  busyTimeoutMs: number;
  flushIntervalMs: number;
  sharedState: SharedStateMode;
  rateLimits: Partial<RateLimitSettings>;
}

export type ToWorker = OpenMessage | { type: "calls"; calls: WorkerCall[] } | { type: "stop" };

/** An error crosses as its name, message and driver code (drizzle-free: the store maps nothing). */
export interface ErrorShape {
  name: string;
  message: string;
  code?: string;
}

export type FromWorker =
  | { type: "ready" }
  | { type: "results"; results: [id: number, ok: boolean, value: unknown][] }
  | { type: "background-failed"; what: string; error: ErrorShape }
  | { type: "stopped" };

export function errorShape(error: unknown): ErrorShape {
  const e = error as { name?: string; message?: string; code?: unknown };
  return { name: e?.name ?? "Error", message: e?.message ?? String(error), ...(typeof e?.code === "string" ? { code: e.code } : {}) };
}

export function errorFromShape(shape: ErrorShape): Error {
  return Object.assign(new Error(shape.message), { name: shape.name, ...(shape.code ? { code: shape.code } : {}) });
}
