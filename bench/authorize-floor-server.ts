/**
 * The least an authorize answer can cost here, for bench/authorize-ceiling.ts: the same
 * request checks and signature as the real path (core's primitives), but every lookup is
 * a Map and nothing is stored. Not a server to run: a floor to measure against.
 */
import { Elysia } from "elysia";
import { generateKeyPairSync } from "node:crypto";
import { canonicalRequest, constantTimeEqual, requestSignature, signResponse } from "@geckoguard/core";

const apiKey = process.env.GG_BENCH_KEY!;
const { privateKey } = generateKeyPairSync("ed25519");
const nonces = new Map<string, number>();
const sessions = new Map<string, number>();

const app = new Elysia()
  .post(
    "/v1/licenses/authorize",
    async ({ request }) => {
      const headers = request.headers;
      const body = await request.text();
      const timestamp = headers.get("x-gg-timestamp") ?? "";
      const nonce = headers.get("x-gg-nonce") ?? "";
      const expected = requestSignature(apiKey, canonicalRequest(timestamp, nonce, "POST", "/v1/licenses/authorize", body));
      if (headers.get("x-api-key") !== apiKey || !constantTimeEqual(expected, headers.get("x-gg-signature") ?? "")) return new Response("", { status: 401 });
      if (nonces.has(nonce)) return new Response("", { status: 409 });
      nonces.set(nonce, Date.now());
      const input = JSON.parse(body) as { sessionId?: string };
      const sessionId = input.sessionId ?? crypto.randomUUID();
      const expiresAt = Date.now() + 3_600_000;
      sessions.set(sessionId, expiresAt);
      const answer = JSON.stringify({
        ok: true,
        data: { valid: true, license: { id: "floor", status: "active", expiresAt: null }, session: { id: sessionId, expiresAt: new Date(expiresAt).toISOString() } },
      });
      return new Response(answer, {
        headers: { "content-type": "application/json;charset=utf-8", "x-gg-response-signature": signResponse(privateKey, nonce, answer) },
      });
    },
    { parse: "none" },
  )
  .get("/health", () => ({ ok: true }));
const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: (request) => app.handle(request) });
console.log(JSON.stringify({ event: "server.listening", port: server.port }));
