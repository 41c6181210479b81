export { geckoguard, type GeckoguardOptions } from "./plugin.ts";
export { mapError } from "./http/error-mapper.ts";
export { ok, fail } from "./http/envelope.ts";
export { DEFAULT_BODY_LIMIT_BYTES } from "./http/body-parser.ts";
export { HttpMetrics, DURATION_BUCKETS } from "./http/metrics.ts";
export { requestObservability } from "./http/request-log.ts";
export { requestIdFor } from "./http/request-id.ts";
