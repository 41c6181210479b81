export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** Send this exact text as the body (malformed JSON tests). */
  rawBody?: string;
}

export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

/**
 * A tiny JSON client for black-box tests: what an integrator's curl would do. `fetcher`
 * defaults to the network; route tests pass `app.handle` instead (no port).
 */
export function apiClient(baseUrl: string, fetcher: Fetcher = (input, init) => fetch(input, init)) {
  return async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] ??= "application/json";
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetcher(baseUrl + path, {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body, headers: response.headers };
  };
}

export type Api = ReturnType<typeof apiClient>;
