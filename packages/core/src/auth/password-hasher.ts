/** Hashes and checks passwords; the adapter (argon2id in @geckoguard/drivers) lives outside core. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password or a malformed hash; never throws on bad input. */
  verify(passwordHash: string, password: string): Promise<boolean>;
}
