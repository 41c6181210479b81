import { useEffect, useState } from "preact/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { ErrorText, Field } from "../../components/form.tsx";
import { useActiveOrgId } from "../../state/me.ts";
import { useProducts } from "../../state/products.ts";
import { BulkActions } from "./bulk-actions.tsx";
import { CreateLicenses } from "./create-licenses.tsx";
import { ImportExport } from "./import-export.tsx";
import { filterQuery, PAGE_SIZES, useLicenseFilters } from "./license-filters.ts";
import { LicenseTable } from "./license-table.tsx";

/** The org's licenses: every list filter, server-side pages of up to 1000, bulk actions, create, import, export. */
export function LicensesPage() {
  const orgId = useActiveOrgId();
  const products = useProducts();
  const [filters, update] = useLicenseFilters();
  const [search, setSearch] = useState(filters.search);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const list = useQuery({
    queryKey: ["licenses", orgId, filters],
    enabled: orgId !== null,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(await api.GET("/v1/dashboard/orgs/{orgId}/licenses", { params: { path: { orgId: orgId! }, query: { ...filterQuery(filters), page: filters.page, pageSize: filters.pageSize } } })),
  });
  // Typing in the search box asks the server once the typing pauses.
  useEffect(() => {
    if (search === filters.search) return;
    const timer = setTimeout(() => update({ search }), 300);
    return () => clearTimeout(timer);
  }, [search]);
  if (orgId === null) return <p>Create an organisation first (top bar).</p>;
  const productNames = new Map((products.data ?? []).map((product) => [product.id, product.name]));
  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  const pagination = list.data?.pagination;
  return (
    <>
      <h1>Licenses</h1>
      <form class="filters" role="search" onSubmit={(event) => (event.preventDefault(), update({ search }))}>
        <Field label="Product">
          <select value={filters.productId} onChange={(event) => update({ productId: event.currentTarget.value })}>
            <option value="">All products</option>
            {products.data?.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Status">
          <select value={filters.status} onChange={(event) => update({ status: event.currentTarget.value as typeof filters.status })}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="revoked">Revoked</option>
          </select>
        </Field>
        <Field label="Frozen">
          <select value={filters.frozen} onChange={(event) => update({ frozen: event.currentTarget.value as typeof filters.frozen })}>
            <option value="">Any</option>
            <option value="true">Frozen</option>
            <option value="false">Not frozen</option>
          </select>
        </Field>
        <Field label="Expired">
          <select value={filters.expired} onChange={(event) => update({ expired: event.currentTarget.value as typeof filters.expired })}>
            <option value="">Any</option>
            <option value="true">Expired</option>
            <option value="false">Not expired</option>
          </select>
        </Field>
        <Field label="Search key or note">
          <input type="search" value={search} maxLength={200} onInput={(event) => setSearch(event.currentTarget.value)} />
        </Field>
        <Field label="End user id">
          <input value={filters.endUserId} onChange={(event) => update({ endUserId: event.currentTarget.value })} />
        </Field>
      </form>
      <ErrorText error={list.error} />
      <CreateLicenses orgId={orgId} products={products.data ?? []} defaultProductId={filters.productId} />
      <ImportExport orgId={orgId} products={products.data ?? []} filters={filters} />
      <BulkActions orgId={orgId} ids={[...selected]} onDone={() => setSelected(new Set())} />
      <LicenseTable licenses={list.data?.licenses ?? []} productNames={productNames} selected={selected} onSelect={select} />
      <nav class="pager" aria-label="Pages">
        <button type="button" class="small" disabled={filters.page <= 1} onClick={() => update({ page: filters.page - 1 })}>
          Previous
        </button>
        <span aria-live="polite" data-testid="page-info">
          {pagination === undefined ? "…" : `Page ${pagination.page} of ${Math.max(1, pagination.totalPages)} · ${pagination.total} licenses`}
          {list.isFetching ? " · loading" : ""}
        </span>
        <button type="button" class="small" disabled={pagination === undefined || filters.page >= pagination.totalPages} onClick={() => update({ page: filters.page + 1 })}>
          Next
        </button>
        <label>
          <span class="visually-hidden">Licenses per page</span>
          <select value={String(filters.pageSize)} onChange={(event) => update({ pageSize: Number(event.currentTarget.value) })}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size} per page
              </option>
            ))}
          </select>
        </label>
      </nav>
    </>
  );
}
