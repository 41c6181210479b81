import { GgError } from "../errors/gg-error.ts";

export const MAX_METADATA_BYTES = 16 * 1024;

/** The schema bounds keys; this bounds the serialised size, which a schema cannot. */
export function assertMetadataSize(metadata: Record<string, unknown> | undefined, path = "/metadata"): void {
  if (metadata === undefined) return;
  if (new TextEncoder().encode(JSON.stringify(metadata)).byteLength > MAX_METADATA_BYTES) {
    throw new GgError("VALIDATION_ERROR", "metadata is larger than 16 KiB", {
      details: [{ path, message: `Serialised metadata must be at most ${MAX_METADATA_BYTES} bytes` }],
    });
  }
}
