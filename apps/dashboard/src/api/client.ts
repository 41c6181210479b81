import createClient, { type Middleware } from "openapi-fetch";
import { basePath } from "./base.ts";
import type { paths } from "./schema.d.ts";
import { currentAccessToken, endSession } from "./session.ts";

let whenExpired: () => void = () => {};

/** What the app does when the server says the session is gone (sign in, then come back). */
export function onSessionExpired(handler: () => void): void {
  whenExpired = handler;
}

const isAuthCall = (url: string) => url.includes("/v1/auth/");

const bearer: Middleware = {
  onRequest({ request }) {
    const token = currentAccessToken();
    if (token !== null && !isAuthCall(request.url)) request.headers.set("authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !isAuthCall(request.url) && currentAccessToken() !== null) {
      endSession();
      whenExpired();
    }
    return response;
  },
};

/** The typed client of the public API (types generated from docs/openapi.json). */
export const api = createClient<paths>({ baseUrl: location.origin + basePath, credentials: "same-origin" });
api.use(bearer);
