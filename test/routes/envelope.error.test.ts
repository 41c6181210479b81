import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, uniqueEmail } from "../support/accounts.ts";

const MiB = 1024 * 1024;

/** A JSON body of `size` bytes, sent as one piece or as a stream of chunks. */
function bodyOf(size: number): string {
  return JSON.stringify({ email: "a@example.com", password: "x".repeat(size) });
}

function streamOf(text: string, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe("the envelope on every failure", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  test("an unknown route is a 404 NOT_FOUND envelope, whatever the method or prefix", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["POST", "/v1/nope"],
      ["GET", "/v1/dashboard/does-not-exist"],
      ["DELETE", "/health"],
    ] as const) {
      const response = await t.api(method, path);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ ok: false, error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
  });

  test("a body over 1 MiB with a declared Content-Length is 413 PAYLOAD_TOO_LARGE", async () => {
    const response = await t.api("POST", "/v1/auth/register", { rawBody: bodyOf(MiB + 1) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ ok: false, error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) } });
    expect(await t.count("users")).toBe(0);
  });

  test("a lying Content-Length over the limit is refused before the body is read", async () => {
    const response = await t.handle(
      new Request("http://localhost/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(64 * MiB) },
        body: "{}",
      }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("a chunked body that grows past 1 MiB is 413 PAYLOAD_TOO_LARGE", async () => {
    const response = await t.handle(
      new Request("http://localhost/v1/auth/register", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: streamOf(bodyOf(2 * MiB)),
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await t.count("users")).toBe(0);
  });

  test("a body just under the limit is read (and judged by the schema)", async () => {
    const response = await t.api("POST", "/v1/auth/register", { rawBody: bodyOf(MiB - 200) });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("VALIDATION_ERROR");
  });

  test("a 500 is INTERNAL_ERROR with a generic message: no stack, no SQL, nothing half-written", async () => {
    // Break the storage under a use case: registration's mail write now fails.
    await t.database.client.execute("DROP TABLE mail_outbox");
    const email = uniqueEmail("crash");
    const response = await t.api("POST", "/v1/auth/register", { body: { email, password: PASSWORD } });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ ok: false, error: { code: "INTERNAL_ERROR", message: "Internal server error" } });
    for (const leak of ["mail_outbox", "insert", "SQLITE", "at "]) expect(JSON.stringify(response.body)).not.toContain(leak);
    // The log line names the failure, never the statement, its parameters or a stack.
    for (const leak of ["mail_outbox", "insert", "    at ", email]) expect(JSON.stringify(t.logs)).not.toContain(leak);
    expect(t.logs.some((line) => line.level === "error" && line.event === "request.failed")).toBe(true);
    // The user row was written in the same transaction as the mail: it was rolled back.
    expect(await t.count("users")).toBe(0);
  });
});
