import { REFERENCE_AUTH_PATH_ROWS, REFERENCE_ROUTE_ROWS } from "./reference-routes.data.ts";

export type Credential = "public" | "jwt" | "apiKey" | "signedRequest";

export interface ReferenceRoute {
  method: string;
  /** As written in the reference, without a query string (`/v1/dashboard/products/:id`). */
  path: string;
  /** What the reference says the route takes. */
  credential: Credential;
}

/** Every row of the published API reference's endpoint tables, with its credential (data in reference-routes.data.ts). */
export function referenceRoutes(): ReferenceRoute[] {
  return REFERENCE_ROUTE_ROWS.map(([method, path, credential]) => ({ method, path, credential }));
}

/** The authentication table's single paths (`/health`, `/v1/products/:id/api-keys`, …) and their credentials. */
export function referenceAuthPaths(): { path: string; credential: Credential }[] {
  return REFERENCE_AUTH_PATH_ROWS.map(([path, credential]) => ({ path, credential }));
}
