// The driver adapters behind core's ports: native modules, network and DNS live here, never in core.
export * from "./passwords/argon2id-hasher.ts";
export * from "./tokens/jwt-access-tokens.ts";
export * from "./webhooks/fetch-sender.ts";
export * from "./webhooks/system-resolve-host.ts";
export * from "./mail/smtp-transport.ts";
export * from "./billing/stripe-verifier.ts";
