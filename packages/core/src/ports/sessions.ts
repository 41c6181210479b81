import type { SessionRecord } from "../records/session.ts";

export interface SessionStore {
  /** Sessions of the license that are neither expired nor revoked, newest first. */
  listActive(licenseId: string, now: number): Promise<SessionRecord[]>;
  /** Revokes one live session of that license; false when there is none with that id. */
  revoke(licenseId: string, sessionId: string, now: number): Promise<boolean>;
  /** Revokes every live session of the license; returns how many. */
  revokeAll(licenseId: string, now: number): Promise<number>;
}
