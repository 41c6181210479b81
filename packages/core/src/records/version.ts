/** A released version of a product's app (docs/versions.md). Times are epoch milliseconds. */
export interface VersionRecord {
  id: string;
  productId: string;
  /** Semver 2.0, normalized: no leading `v`, no build metadata (it has no precedence). */
  version: string;
  channel: string;
  notes: string | null;
  /** Apps below the newest required version of their channels must update to run. */
  required: boolean;
  fileId: string | null;
  releasedAt: number;
  /** Hidden from apps, kept for history; null while live. */
  yankedAt: number | null;
  createdAt: number;
  updatedAt: number;
}
