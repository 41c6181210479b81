export { geckoguard, type GeckoguardOptions } from "./plugin.ts";
export { mapError } from "./http/error-mapper.ts";
export { ok, fail } from "./http/envelope.ts";
export { DEFAULT_BODY_LIMIT_BYTES } from "./http/body-parser.ts";
export { clientIpOf } from "./http/client-ip.ts";
export { answerHoldsSecret, checkIdempotencyKey } from "./http/idempotency.ts";
export type { GeckoguardContext } from "./http/context-defaults.ts";
