import { expect } from "bun:test";
import type { Api } from "./http-client.ts";

/** A public IP literal: passes the URL rules without DNS (nothing is ever sent to it in route tests). */
export const PUBLIC_HOOK_URL = "https://93.184.215.14/gg-hooks";

export function webhooksPath(productId: string, rest = ""): string {
  return `/v1/dashboard/webhooks/products/${productId}${rest}`;
}

/** Creates an endpoint and returns it with its one-time secret. */
export async function createEndpoint(api: Api, token: string, productId: string, body: Record<string, unknown> = {}) {
  const created = await api("POST", webhooksPath(productId), { token, body: { url: PUBLIC_HOOK_URL, events: ["*"], ...body } });
  expect(created.status).toBe(201);
  return created.body.data as { endpoint: { id: string; url: string; events: string[]; enabled: boolean }; secret: string };
}
