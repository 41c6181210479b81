import { uuidv7, type ApiKeyPrincipal, type ChangeOrigin } from "@geckoguard/core";
import { clientIpOf } from "./client-ip.ts";
import { requestIdOf } from "./request-log.ts";

type Context = { request: Request };

function originOf(context: Context, actor: ChangeOrigin["actor"]): ChangeOrigin {
  const ip = clientIpOf(context.request, "");
  // The request id the answer carries (set when the request arrived; a fresh one when mounted without it).
  return { actor, ip: ip === "" ? null : ip, requestId: requestIdOf(context) ?? uuidv7() };
}

/** A dashboard user's request: the audit recorder reads the user's email as the label. */
export function userOrigin(context: Context, userId: string): ChangeOrigin {
  return originOf(context, { type: "user", id: userId, label: null });
}

/** A management API request, labelled with the key's name. */
export function apiKeyOrigin(context: Context, apiKey: ApiKeyPrincipal): ChangeOrigin {
  return originOf(context, { type: "api_key", id: apiKey.id, label: apiKey.name });
}
