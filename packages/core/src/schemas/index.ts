export * from "./text.ts";
export * from "./timestamp.ts";
export * from "./validation-message.ts";
export * from "./answer-fields.ts";
export * from "./json-object.ts";
