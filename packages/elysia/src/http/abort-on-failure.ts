/**
 * A streamed answer (an export) whose source fails half way must not look finished: its
 * status line said 200 long ago, so the only signal left is the transfer itself. This
 * wraps the body so that a failed read reports the error once and errors the outgoing
 * stream. The server then drops the connection without the chunked terminator, which
 * every HTTP/1.1 client reports as a broken transfer; an in-process reader's read rejects.
 * The stream is errored without a reason on purpose: Bun prints a reason, stack and
 * source lines included, to stderr, and the error is already in the JSON log.
 */
export function abortOnFailure(body: ReadableStream<Uint8Array>, onFailure: (error: unknown) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: Awaited<ReturnType<typeof reader.read>>;
        try {
          next = await reader.read();
        } catch (error) {
          onFailure(error);
          controller.error();
          return;
        }
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // Read the source only when the client reads: the source already holds one batch.
    { highWaterMark: 0 },
  );
}
