/**
 * Which credential each route family takes (docs/authentication.md#route-families-and-credentials, the reference's
 * auth table), stated once. The OpenAPI document derives every operation's `security`
 * from its path here, so a new route inherits its family's scheme instead of relying on
 * someone remembering to annotate it.
 */

export type SecurityRequirement = Record<string, string[]>;

export const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "Access token from POST /v1/auth/login (15 minutes); renew it with POST /v1/auth/refresh. API keys are refused here.",
  },
  endUserBearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "An end user's access token from POST /v1/enduser/auth/login (15 minutes, audience geckoguard:enduser); renew it with POST /v1/enduser/auth/refresh. Dashboard tokens and API keys are refused here, as this token is on dashboard routes.",
  },
  apiKey: {
    type: "apiKey",
    in: "header",
    name: "X-Api-Key",
    description: "An API key from POST /v1/dashboard/api-keys; management routes also need the scope named in each summary. JWTs are refused here.",
  },
  ggTimestamp: {
    type: "apiKey",
    in: "header",
    name: "X-GG-Timestamp",
    description: "Unix seconds; at most 300 s from the server's clock.",
  },
  ggNonce: {
    type: "apiKey",
    in: "header",
    name: "X-GG-Nonce",
    description: "16–128 characters of [A-Za-z0-9_-], never reused with the same API key.",
  },
  ggSignature: {
    type: "apiKey",
    in: "header",
    name: "X-GG-Signature",
    description:
      'hex(HMAC-SHA256(key = the API key, timestamp + "\\n" + nonce + "\\n" + "POST" + "\\n" + path + "\\n" + hex(sha256(rawBody)))); see docs/authentication.md.',
  },
  metricsToken: {
    type: "http",
    scheme: "bearer",
    description: "Only when the server is given a metrics token (GG_METRICS_TOKEN); otherwise /metrics answers loopback callers only.",
  },
} as const;

export type SecuritySchemeName = keyof typeof securitySchemes;

const PUBLIC: SecurityRequirement[] = [];
const BEARER: SecurityRequirement[] = [{ bearerAuth: [] }];
const END_USER_BEARER: SecurityRequirement[] = [{ endUserBearerAuth: [] }];
const API_KEY: SecurityRequirement[] = [{ apiKey: [] }];
const SIGNED_REQUEST: SecurityRequirement[] = [{ apiKey: [], ggTimestamp: [], ggNonce: [], ggSignature: [] }];
/** Loopback callers without a credential, or a bearer token when the deployment sets one. */
const OPTIONAL_METRICS_TOKEN: SecurityRequirement[] = [{}, { metricsToken: [] }];

/** Most specific first; `*` ends a family (the path itself or anything below it). */
const FAMILIES: [pattern: string, security: SecurityRequirement[]][] = [
  ["/health", PUBLIC],
  ["/v1/status", PUBLIC],
  ["/metrics", OPTIONAL_METRICS_TOKEN],
  ["/v1/auth/*", PUBLIC],
  ["/v1/licenses/authorize", SIGNED_REQUEST],
  ["/v1/licenses/release", SIGNED_REQUEST],
  ["/v1/licenses/variables", SIGNED_REQUEST],
  ["/v1/licenses/versions/latest", SIGNED_REQUEST],
  ["/v1/whoami", API_KEY],
  ["/v1/products/*", API_KEY],
  ["/v1/end-users/*", API_KEY],
  ["/v1/dashboard/*", BEARER],
  ["/v1/enduser/auth/*", PUBLIC],
  ["/v1/enduser/*", END_USER_BEARER],
];

function matches(pattern: string, path: string): boolean {
  if (!pattern.endsWith("/*")) return path === pattern;
  const family = pattern.slice(0, -2);
  return path === family || path.startsWith(`${family}/`);
}

/**
 * The security requirement of a route, from its path without the plugin's prefix;
 * `undefined` for a path outside every known family (the spec test refuses those).
 */
export function securityForPath(path: string): SecurityRequirement[] | undefined {
  const family = FAMILIES.find(([pattern]) => matches(pattern, path));
  return family === undefined ? undefined : family[1].map((requirement) => ({ ...requirement }));
}
