export * from "./random.ts";
export * from "./hash.ts";
export * from "./uuid.ts";
