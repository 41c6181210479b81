import { afterAll, describe, expect, test } from "bun:test";
import { checkUrlSyntax, resolveTarget, type WebhookUrlPolicy } from "@geckoguard/core";
import { fetchSender, SNIPPET_BYTES } from "./fetch-sender.ts";

const seen: { host: string | null; path: string }[] = [];
const receiver = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  idleTimeout: 0,
  fetch(request) {
    const path = new URL(request.url).pathname;
    seen.push({ host: request.headers.get("host"), path });
    if (path === "/redirect") return new Response(null, { status: 307, headers: { location: "/elsewhere" } });
    if (path === "/hang") return new Promise<Response>(() => {});
    if (path === "/big") return new Response("y".repeat(SNIPPET_BYTES * 64), { status: 500 });
    return new Response("thanks", { status: 202 });
  },
});
afterAll(() => void receiver.stop(true));

/** The host name resolves to the receiver's address, as a public name would to a public one. */
const policy: WebhookUrlPolicy = { allowHttp: true, allowLoopback: true, resolveHost: async () => ["127.0.0.1"] };
const never = new AbortController().signal;

async function send(path: string, options: { timeoutMs?: number; shutdown?: AbortSignal; port?: number } = {}) {
  const syntax = checkUrlSyntax(`http://hooks.example.test:${options.port ?? receiver.port}${path}`, policy);
  if (!syntax.ok) throw new Error(syntax.reason);
  const target = await resolveTarget(syntax.url, policy);
  if (!target.ok) throw new Error(target.reason);
  return fetchSender({ url: target.url, address: target.address, headers: {}, body: "{}", shutdown: options.shutdown ?? never, timeoutMs: options.timeoutMs });
}

describe("the webhook HTTP sender", () => {
  test("connects to the checked address and keeps the name in the Host header", async () => {
    const report = await send("/ok");
    expect(report).toMatchObject({ outcome: "success", statusCode: 202, responseSnippet: "thanks", error: null });
    expect(seen.at(-1)).toEqual({ host: `hooks.example.test:${receiver.port}`, path: "/ok" });
  });

  test("a redirect is a failure and is not followed", async () => {
    const before = seen.length;
    expect(await send("/redirect")).toMatchObject({ outcome: "redirect", statusCode: 307 });
    expect(seen.slice(before).map((s) => s.path)).toEqual(["/redirect"]);
  });

  test("reads at most 1 KiB of an answer", async () => {
    const report = await send("/big");
    expect(report).toMatchObject({ outcome: "http_error", statusCode: 500, error: "HTTP 500" });
    expect(report.responseSnippet).toHaveLength(SNIPPET_BYTES);
  });

  test("a receiver that never answers times out; a shutdown aborts; a closed port is a connection error", async () => {
    expect(await send("/hang", { timeoutMs: 50 })).toMatchObject({ outcome: "timeout", statusCode: null });
    const shutdown = new AbortController();
    const pending = send("/hang", { shutdown: shutdown.signal });
    shutdown.abort();
    expect(await pending).toMatchObject({ outcome: "shutdown" });
    const closed = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
    const port = closed.port!;
    await closed.stop(true);
    expect(await send("/ok", { port })).toMatchObject({ outcome: "connection_error", statusCode: null });
  });
});
