export * from "./catalogue.ts";
export * from "./gg-error.ts";
export * from "./envelope.ts";
