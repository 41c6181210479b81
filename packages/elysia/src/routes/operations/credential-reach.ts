import { assertKeyCan, assertKeyOnProduct, assertScope, type ApiKeyPrincipal } from "@geckoguard/core";
import type { Need } from "./operation.ts";
import type { GuardedContext } from "./mount-operations.ts";

/** The user id the dashboard guard put on the context. */
export function userOf(context: GuardedContext): string {
  return context.userId!;
}

/** The principal the API-key guard put on the context. */
export function apiKeyOf(context: GuardedContext): ApiKeyPrincipal {
  return context.apiKey as ApiKeyPrincipal;
}

function needOf(need: Need | undefined): Need {
  if (need === undefined) throw new Error("This operation declares no need: mount it where the use case checks the caller");
  return need;
}

/** The org role an operation needs from a user. */
export function actionOf(need: Need | undefined) {
  return needOf(need).action;
}

/** A key may act on `productId` (its own, 403 FORBIDDEN otherwise) with the operation's scope. */
export function assertKeyMay(apiKey: ApiKeyPrincipal, productId: string | null, need: Need | undefined): void {
  const { scope } = needOf(need);
  if (productId !== null && scope === null) assertKeyOnProduct(apiKey, productId);
  else if (productId !== null && scope !== null) assertKeyCan(apiKey, productId, scope);
  else if (scope !== null) assertScope(apiKey, scope);
}

/** The scope an operation needs from a key (operations mounted for keys always name one). */
export function scopeOf(need: Need | undefined) {
  const { scope } = needOf(need);
  if (scope === null) throw new Error("This operation names no scope: mount it for users only");
  return scope;
}
