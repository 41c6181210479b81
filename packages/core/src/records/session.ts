export interface SessionRecord {
  id: string;
  licenseId: string;
  hwid: string | null;
  ip: string | null;
  appVersion: string | null;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  revokedAt: number | null;
}
