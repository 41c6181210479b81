import { afterAll, beforeAll, expect } from "bun:test";
import { inProcessApp, type InProcessApp } from "./in-process-app.ts";
import { orgWithProduct, signUp } from "./accounts.ts";
import type { Api, ApiResponse } from "./http-client.ts";

export interface RouteTest {
  /** Usable at once; answers once the app has started (in beforeAll). */
  api: Api;
  app: InProcessApp;
  /** Access token of the owner of `orgId`, which holds `productId`. */
  owner: string;
  orgId: string;
  productId: string;
}

/** Registers beforeAll/afterAll for a describe block: an in-process app, an owner, an org and a product. */
export function routeTestSetup(): RouteTest {
  const setup = { api: ((...args) => setup.app.api(...args)) as Api } as RouteTest;
  beforeAll(async () => {
    setup.app = await inProcessApp();
    setup.owner = (await signUp(setup.api)).token;
    Object.assign(setup, await orgWithProduct(setup.api, setup.owner));
  });
  afterAll(() => {
    setup.app.close();
  });
  return setup;
}

/** The status and error code of an answer, compared together so a failure shows both. */
export function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
}
