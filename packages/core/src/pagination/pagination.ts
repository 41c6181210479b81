import { Type } from "@sinclair/typebox";

export const DEFAULT_PAGE_SIZE = 50;
/** List endpoints without a maximum of their own cap pageSize at 200 (docs/licenses.md#lists-and-pagination). */
export const DEFAULT_MAX_PAGE_SIZE = 200;

/** `?page=&pageSize=` for a list whose ceiling is `maxPageSize`; over it is a 400. */
export function pageQuerySchema(maxPageSize: number = DEFAULT_MAX_PAGE_SIZE) {
  return {
    page: Type.Optional(Type.Number({ minimum: 1, maximum: 1_000_000, multipleOf: 1, description: "1-based page" })),
    pageSize: Type.Optional(
      Type.Number({ minimum: 1, maximum: maxPageSize, multipleOf: 1, description: `Items per page, at most ${maxPageSize}` }),
    ),
  };
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Pagination extends PageRequest {
  total: number;
  totalPages: number;
}

export function pageRequest(query: { page?: number; pageSize?: number }): PageRequest {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE };
}

export function offsetOf({ page, pageSize }: PageRequest): number {
  return (page - 1) * pageSize;
}

export function paginationOf(request: PageRequest, total: number): Pagination {
  return { ...request, total, totalPages: Math.ceil(total / request.pageSize) };
}

/** Pages a list already in memory (small per-tenant lists: orgs, products, members). */
export function pageOf<T>(items: T[], request: PageRequest): { items: T[]; pagination: Pagination } {
  const start = offsetOf(request);
  return { items: items.slice(start, start + request.pageSize), pagination: paginationOf(request, items.length) };
}
