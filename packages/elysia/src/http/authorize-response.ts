import type { AuthorizeReply } from "@geckoguard/core";
import { answerHead } from "./error-mapper.ts";

const JSON_TYPE = "application/json;charset=utf-8";

/**
 * The HTTP answer for an authorize reply: status and rate-limit headers from the one
 * error mapper, the signed body byte for byte, and its signature header when the API
 * key was known (docs/authorize.md).
 */
export function authorizeResponse(reply: AuthorizeReply): Response {
  const head = answerHead(reply.code, reply.rateLimit);
  const headers: Record<string, string> = { "content-type": JSON_TYPE, ...head.headers };
  if (reply.signature !== null) headers["x-gg-response-signature"] = reply.signature;
  return new Response(reply.body, { status: head.status, headers });
}
