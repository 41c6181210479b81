export { geckoguard, type GeckoguardOptions } from "./plugin.ts";
export { mapError } from "./http/error-mapper.ts";
export { ok, fail } from "./http/envelope.ts";
export { DEFAULT_BODY_LIMIT_BYTES } from "./http/body-parser.ts";
