import type { BlacklistRecord, BlacklistType } from "../records/blacklist.ts";
import type { PageRequest } from "../pagination/pagination.ts";

/** What the authorize path asks: the caller's HWID as sent, and its IP in `ipToHex` form. */
export interface BlacklistProbe {
  hwid?: string;
  ipHex?: string;
}

export interface BlacklistStore {
  /** Throws GgError CONFLICT when the product already lists this (type, value). */
  insert(entry: BlacklistRecord): Promise<void>;
  /**
   * Inserts every entry atomically: all or none. When the product already lists some
   * (type, value), nothing is written and their indexes in `entries` come back; a
   * concurrent insert of the same value still loses to the unique index (GgError
   * CONFLICT, nothing of the batch kept), so no entry is ever stored twice.
   */
  insertMany(entries: BlacklistRecord[]): Promise<{ alreadyListed: number[] }>;
  /** Entries of one product, newest first, optionally of one type (tenancy in the query). */
  listByProduct(
    productId: string,
    filter: { type?: BlacklistType },
    page: PageRequest,
  ): Promise<{ items: BlacklistRecord[]; total: number }>;
  /** The entry, if it belongs to the product. */
  find(productId: string, entryId: string): Promise<BlacklistRecord | null>;
  /** Deletes the entry only if it belongs to the product; false when there was none. */
  delete(productId: string, entryId: string): Promise<boolean>;
  /**
   * The first entry of the product that matches: an HWID entry equal to `hwid`
   * (exact, case-sensitive) is preferred over an IP entry whose range covers `ipHex`.
   * Reads committed rows only and writes nothing: an entry committed before the call is
   * seen. The IP probe walks the product's IP entries that start at or below the address.
   */
  findMatch(productId: string, probe: BlacklistProbe): Promise<BlacklistRecord | null>;
}
