/** An API answer with `ok: false`, in words the page shows next to what caused it. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    /** Seconds until a 429's bucket refills (Retry-After). */
    readonly retryAfterSeconds: number | null,
    readonly details: unknown,
  ) {
    super(message);
  }
}

type Envelope<T> = { ok: true; data: T };
type Result<T> = { data?: Envelope<T>; error?: unknown; response: Response };

function errorOf(result: { error?: unknown; response: Response }): ApiError {
  const body = result.error as { error?: { message?: string; code?: string; details?: unknown } } | undefined;
  const retry = Number(result.response.headers.get("retry-after"));
  const message = body?.error?.message ?? `The server answered ${result.response.status}`;
  const retryAfter = result.response.status === 429 && Number.isFinite(retry) ? retry : null;
  return new ApiError(message, body?.error?.code ?? "INTERNAL_ERROR", result.response.status, retryAfter, body?.error?.details);
}

/** The answer's data, or the envelope's error thrown as an ApiError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.data === undefined) throw errorOf(result);
  return result.data.data;
}

/** What to show for a failure: the API's message, a 429's wait, or a network failure. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    return error.retryAfterSeconds === null ? error.message : `${error.message} Try again in ${error.retryAfterSeconds} s.`;
  }
  if (error instanceof TypeError) return "The server could not be reached; try again.";
  return error instanceof Error ? error.message : "Something went wrong.";
}
