export { geckoguard, type GeckoguardOptions } from "./plugin.ts";
export { mapError } from "./http/error-mapper.ts";
export { ok, fail } from "./http/envelope.ts";
export { DEFAULT_BODY_LIMIT_BYTES } from "./http/body-parser.ts";
export { buildOpenApiDocument, type OpenApiDocument } from "./openapi/openapi-document.ts";
export { securityForPath, securitySchemes } from "./openapi/security-schemes.ts";
export { DOCS_PATH, SPEC_PATH } from "./routes/docs.ts";
