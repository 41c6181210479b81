/** Reported by /v1/status and `geckoguard version`. */
export const VERSION = "0.1.0";
