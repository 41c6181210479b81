export * from "./text.ts";
export * from "./timestamp.ts";
