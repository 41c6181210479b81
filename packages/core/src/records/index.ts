// Every entity as the store keeps it: one file per entity, the one definition the ports,
// use cases and presenters share.
export type * from "./user.ts";
export type * from "./tokens.ts";
export type * from "./org.ts";
export type * from "./product.ts";
export type * from "./api-key.ts";
export type * from "./license.ts";
export type * from "./end-user.ts";
export type * from "./session.ts";
export type * from "./blacklist.ts";
export type * from "./webhook.ts";
export type * from "./invite.ts";
export type * from "./portal.ts";
export type * from "./billing.ts";
export type * from "./variable.ts";
export type * from "./version.ts";
