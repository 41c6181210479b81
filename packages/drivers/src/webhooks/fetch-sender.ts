import { DELIVERY_TIMEOUT_MS, isIpLiteral, type WebhookSender } from "@geckoguard/core";

/** The attempt log keeps this much of a response body; the rest is never read. */
export const SNIPPET_BYTES = 1024;

/** Reads at most `limit` bytes of a body, then cancels it: a 50 MB answer costs 1 KiB. */
async function readSnippet(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  if (body === null) return null;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value.subarray(0, limit - size));
      size += Math.min(value.byteLength, limit - size);
    }
  } catch {
    // The body failed or timed out after the status line: the status still counts.
  } finally {
    void reader.cancel().catch(() => {});
  }
  return size === 0 ? null : new TextDecoder().decode(Buffer.concat(chunks));
}

function errorName(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : ((error as { name?: string }).name ?? "Error");
}

/**
 * POSTs with fetch to the pinned address: the URL's host is replaced by the checked IP
 * and the name is kept for the Host header and TLS (SNI and certificate check), so DNS
 * cannot be rebound between the check and the connection. Redirects are not followed
 * (a 3xx is a failure), and at most SNIPPET_BYTES of the answer are read.
 */
export const fetchSender: WebhookSender = async (request) => {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DELIVERY_TIMEOUT_MS);
  const pinned = new URL(request.url);
  pinned.hostname = request.address.includes(":") ? `[${request.address}]` : request.address;
  const byName = !isIpLiteral(request.url.hostname);
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(pinned, {
      method: "POST",
      headers: { ...request.headers, host: request.url.host },
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.any([timeout, request.shutdown]),
      ...(byName && request.url.protocol === "https:" ? { tls: { serverName: request.url.hostname } } : {}),
    });
    const responseSnippet = await readSnippet(response.body, SNIPPET_BYTES);
    const status = response.status;
    if (status >= 200 && status < 300) return { outcome: "success", statusCode: status, error: null, durationMs: took(), responseSnippet };
    const redirect = status >= 300 && status < 400;
    return {
      outcome: redirect ? "redirect" : "http_error",
      statusCode: status,
      error: redirect ? `Redirect (HTTP ${status}) not followed` : `HTTP ${status}`,
      durationMs: took(),
      responseSnippet,
    };
  } catch (error) {
    if (request.shutdown.aborted) return { outcome: "shutdown", statusCode: null, error: "Aborted: server shutting down", durationMs: took(), responseSnippet: null };
    if (timeout.aborted) return { outcome: "timeout", statusCode: null, error: `No answer within ${request.timeoutMs ?? DELIVERY_TIMEOUT_MS} ms`, durationMs: took(), responseSnippet: null };
    return { outcome: "connection_error", statusCode: null, error: `Connection failed (${errorName(error)})`, durationMs: took(), responseSnippet: null };
  }
};
