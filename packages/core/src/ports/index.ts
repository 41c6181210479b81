export type * from "./users.ts";
export type * from "./tokens.ts";
export type * from "./mail.ts";
export type * from "./orgs.ts";
export type * from "./products.ts";
export type * from "./store.ts";
export type * from "./logger.ts";
export type * from "./apikeys.ts";
