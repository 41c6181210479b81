import { Elysia } from "elysia";
import {
  AuthorizeBody,
  GgError,
  KnownKeyError,
  SigningKeyCache,
  authorizeLicense,
  isGgError,
  rateLimitHeaders,
  signResponse,
  statusOf,
  type AuthorizeDeps,
  type Logger,
} from "@geckoguard/core";
import { readBodyText } from "../http/body-parser.ts";
import { clientIpOf } from "../http/client-ip.ts";
import { fail } from "../http/envelope.ts";
import type { HttpMetrics } from "../http/metrics.ts";

const JSON_TYPE = "application/json;charset=utf-8";

/**
 * POST /v1/licenses/authorize. Mounted before the plugin's JSON parser: the signature
 * covers the raw body, so the handler reads the bytes itself. Every answer made once
 * the API key is known is signed with the key's product (CONTRACT §6).
 */
export function authorizeRoutes(deps: AuthorizeDeps, options: { bodyLimitBytes: number; logger: Logger; metrics?: HttpMetrics | null }) {
  const keys = new SigningKeyCache();
  const signer = (productId: string) => keys.get(productId, () => deps.store.signingKeyPem(productId));

  return new Elysia().post(
    "/v1/licenses/authorize",
    async ({ request, headers }) => {
      const nonce = headers["x-gg-nonce"] ?? "";
      let productId: string | null = null;
      let status = 200;
      let body: string;
      const extraHeaders: Record<string, string> = {};
      try {
        const url = request.url;
        const pathStart = url.indexOf("/", url.indexOf("//") + 2);
        const result = await authorizeLicense(deps, {
          headers: { apiKey: headers["x-api-key"], timestamp: headers["x-gg-timestamp"], nonce: headers["x-gg-nonce"], signature: headers["x-gg-signature"] },
          pathWithQuery: url.slice(pathStart),
          readBody: () => readBodyText(request, options.bodyLimitBytes),
          // Without a socket (app.handle in tests) the caller is this process.
          clientIp: clientIpOf(request, "127.0.0.1"),
        });
        productId = result.productId;
        if (result.rateLimit) Object.assign(extraHeaders, rateLimitHeaders(result.rateLimit));
        if (result.answer.valid) {
          body = JSON.stringify({ ok: true, data: result.answer });
          options.metrics?.authorizeOutcome("VALID");
        } else {
          options.metrics?.authorizeOutcome(result.answer.code);
          status = statusOf(result.answer.code as Parameters<typeof statusOf>[0]);
          body = JSON.stringify(fail(result.answer.code as Parameters<typeof fail>[0], result.answer.message));
        }
      } catch (thrown) {
        const error = thrown instanceof KnownKeyError ? thrown.error : thrown;
        if (thrown instanceof KnownKeyError) productId = thrown.productId;
        const gg = isGgError(error) ? error : null;
        if (gg === null) options.logger.error("authorize.failed", { errorClass: (error as { name?: string })?.name ?? typeof error });
        const known: GgError = gg ?? new GgError("INTERNAL_ERROR", "Internal server error");
        status = known.status;
        options.metrics?.authorizeOutcome(known.code);
        if (known.headers) Object.assign(extraHeaders, known.headers);
        body = JSON.stringify(fail(known.code, known.message, known.details));
      }
      const responseHeaders: Record<string, string> = { "content-type": JSON_TYPE, ...extraHeaders };
      if (productId !== null) {
        const key = await signer(productId);
        if (key !== null) responseHeaders["x-gg-response-signature"] = signResponse(key, nonce, body);
      }
      return new Response(body, { status, headers: responseHeaders });
    },
    {
      parse: "none",
      detail: {
        summary: "Validate a license (API key + HMAC-signed request); answers are Ed25519-signed",
        tags: ["License validation"],
        // Read raw by the handler (the signature covers the bytes), so only documented here.
        requestBody: { required: true, content: { "application/json": { schema: AuthorizeBody } } },
      },
    },
  );
}
