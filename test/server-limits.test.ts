import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";

const MiB = 1024 * 1024;

/** What the real server answers to bodies far over the limit, on the wire. */
describe("body limit on the real server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  async function post(body: BodyInit, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.baseUrl}/v1/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit);
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  test("a declared 5 MiB body is the enveloped 413, not a bare one", async () => {
    const response = await post("x".repeat(5 * MiB));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ ok: false, error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) } });
  });

  test("a chunked 5 MiB body is the enveloped 413", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 5 * MiB) return controller.close();
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        sent += 64 * 1024;
      },
    });
    const response = await post(stream);
    expect(response.status).toBe(413);
    expect(response.body?.error?.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
