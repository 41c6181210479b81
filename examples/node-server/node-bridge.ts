import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/** The client's socket address of each bridged request (Bun's server would know it itself). */
const socketAddresses = new WeakMap<Request, string>();

/** node:http's request → a web Request, the body streamed (not buffered). */
export function toWebRequest(incoming: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const request = new Request(`http://${incoming.headers.host ?? "localhost"}${incoming.url ?? "/"}`, {
    method,
    headers,
    // Node's and the DOM's ReadableStream typings differ; at run time they are one class.
    body: hasBody ? (Readable.toWeb(incoming) as unknown as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs this to stream a request body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
  if (incoming.socket.remoteAddress !== undefined) socketAddresses.set(request, incoming.socket.remoteAddress);
  return request;
}

/** A web Response → node:http, the body streamed with backpressure. */
export async function sendWebResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = name === "set-cookie" ? response.headers.getSetCookie() : value;
  });
  outgoing.writeHead(response.status, headers);
  if (response.body === null) {
    outgoing.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>), outgoing);
}

/**
 * What Elysia's `server.requestIP(request)` answers on Bun, for requests made by
 * `toWebRequest`: GeckoGuard reads the client IP there (IP binding, blacklists).
 */
export const bridgedServer = {
  requestIP(request: Request) {
    const address = socketAddresses.get(request);
    return address === undefined ? null : { address, family: address.includes(":") ? "IPv6" : "IPv4", port: 0 };
  },
};
