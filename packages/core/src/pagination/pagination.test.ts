import { expect, test } from "bun:test";
import { pageOf, paginationOf } from "./pagination.ts";

test("totals and page slices", () => {
  expect(paginationOf({ page: 1, pageSize: 50 }, 342)).toEqual({ page: 1, pageSize: 50, total: 342, totalPages: 7 });
  expect(paginationOf({ page: 1, pageSize: 50 }, 0).totalPages).toBe(0);
  const items = Array.from({ length: 5 }, (_, i) => i);
  expect(pageOf(items, { page: 2, pageSize: 2 }).items).toEqual([2, 3]);
  expect(pageOf(items, { page: 3, pageSize: 2 }).items).toEqual([4]);
  expect(pageOf(items, { page: 4, pageSize: 2 }).items).toEqual([]);
});
