import { toIso, toIsoOrNull } from "../clock.ts";
import type { VersionRecord } from "../records/version.ts";

export function presentVersion(record: VersionRecord) {
  return {
    id: record.id,
    productId: record.productId,
    version: record.version,
    channel: record.channel,
    notes: record.notes,
    required: record.required,
    fileId: record.fileId,
    releasedAt: toIso(record.releasedAt),
    yanked: record.yankedAt !== null,
    yankedAt: toIsoOrNull(record.yankedAt),
    createdAt: toIso(record.createdAt),
    updatedAt: toIso(record.updatedAt),
  };
}
