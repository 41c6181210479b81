export * from "./catalogue.ts";
export * from "./gg-error.ts";
