import { useLocation, useSearch } from "wouter-preact";

/** Every filter of the licenses list, kept in the address so back, reload and links keep them. */
export interface LicenseFilters {
  productId: string;
  status: "" | "active" | "revoked";
  frozen: "" | "true" | "false";
  expired: "" | "true" | "false";
  search: string;
  endUserId: string;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [50, 100, 500, 1000] as const;
const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | "" => (allowed.includes(value as T) ? (value as T) : "");

export function useLicenseFilters(): [LicenseFilters, (change: Partial<LicenseFilters>) => void] {
  const params = new URLSearchParams(useSearch());
  const [location, navigate] = useLocation();
  const pageSize = Number(params.get("pageSize"));
  const filters: LicenseFilters = {
    productId: params.get("productId") ?? "",
    status: oneOf(params.get("status"), ["active", "revoked"] as const),
    frozen: oneOf(params.get("frozen"), ["true", "false"] as const),
    expired: oneOf(params.get("expired"), ["true", "false"] as const),
    search: params.get("search") ?? "",
    endUserId: params.get("endUserId") ?? "",
    page: Math.max(1, Number(params.get("page")) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 100,
  };
  const update = (change: Partial<LicenseFilters>) => {
    // Any filter change goes back to page 1; a page change keeps the filters.
    const next = { ...filters, ...change, page: change.page ?? 1 };
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) {
      if (value !== "" && !(name === "page" && value === 1)) query.set(name, String(value));
    }
    navigate(`${location}?${query}`, { replace: true });
  };
  return [filters, update];
}

/** The list's query parameters (and the export's, which takes the same filters). */
export function filterQuery(filters: LicenseFilters) {
  return {
    ...(filters.productId === "" ? {} : { productId: filters.productId }),
    ...(filters.status === "" ? {} : { status: filters.status }),
    ...(filters.frozen === "" ? {} : { frozen: filters.frozen }),
    ...(filters.expired === "" ? {} : { expired: filters.expired }),
    ...(filters.search.trim() === "" ? {} : { search: filters.search.trim() }),
    ...(filters.endUserId.trim() === "" ? {} : { endUserId: filters.endUserId.trim() }),
  };
}
