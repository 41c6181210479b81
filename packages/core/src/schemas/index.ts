export * from "./text.ts";
export * from "./timestamp.ts";
export * from "./validation-message.ts";
