import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "@geckoguard/core";

/** `Algorithm.Argon2id` of @node-rs/argon2 (an ambient const enum, so not importable here). */
const ARGON2ID = 2;

/** OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1); @node-rs's defaults are weaker. */
export const OWASP_ARGON2ID = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function argon2idHasher(options: { memoryCost: number; timeCost: number; parallelism: number } = OWASP_ARGON2ID): PasswordHasher {
  const params = { ...options, algorithm: ARGON2ID };
  return {
    hash: (password) => hash(password, params),
    async verify(passwordHash, password) {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
  };
}
