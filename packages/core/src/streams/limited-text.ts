import { GgError } from "../errors/gg-error.ts";

export function payloadTooLarge(limit: number): GgError {
  return new GgError("PAYLOAD_TOO_LARGE", `Request body is larger than ${limit} bytes`);
}

/** Decoded text of a byte stream, chunk by chunk, failing as soon as more than `limit` bytes arrived. */
export async function* limitedTextChunks(body: ReadableStream<Uint8Array>, limit: number): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw payloadTooLarge(limit);
    }
    yield decoder.decode(value, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
