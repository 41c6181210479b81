import { useState } from "preact/hooks";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { unwrap } from "../api/errors.ts";
import { ErrorText, Field, useFormValues } from "../components/form.tsx";
import { TableWrap } from "../components/table-wrap.tsx";
import { useActiveOrgId } from "../state/me.ts";
import { formatDate } from "./licenses/license-state.tsx";

/** The org's audit log: filters, pages, checking the hash chain, and a JSON Lines export. */
export function AuditLogPage() {
  const orgId = useActiveOrgId();
  const form = useFormValues({ action: "", resourceType: "", resourceId: "", actorId: "" });
  const [page, setPage] = useState(1);
  const filters = Object.fromEntries(Object.entries(form.values).filter(([, value]) => value.trim() !== "").map(([name, value]) => [name, value.trim()]));
  const list = useQuery({
    queryKey: ["audit", orgId, filters, page],
    enabled: orgId !== null,
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET("/v1/dashboard/orgs/{orgId}/audit-log", { params: { path: { orgId: orgId! }, query: { ...filters, page, pageSize: 100 } } })),
  });
  const verify = useMutation({ mutationFn: async () => unwrap(await api.GET("/v1/dashboard/orgs/{orgId}/audit-log/verify", { params: { path: { orgId: orgId! } } })) });
  const exportLog = useMutation({
    mutationFn: async () => {
      const result = await api.GET("/v1/dashboard/orgs/{orgId}/audit-log/export", { params: { path: { orgId: orgId!, }, query: { ...filters, format: "jsonl" } }, parseAs: "blob" });
      if (result.error !== undefined) unwrap(result as never);
      const url = URL.createObjectURL(result.data as unknown as Blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = "audit-log.jsonl";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  if (orgId === null) return <p>Create an organisation first (top bar).</p>;
  const pagination = list.data?.pagination;
  return (
    <>
      <h1>Audit log</h1>
      <form class="filters" role="search" onSubmit={(event) => (event.preventDefault(), setPage(1))}>
        <Field label="Action">
          <input placeholder="license.revoked" {...form.bind("action")} />
        </Field>
        <Field label="Resource type">
          <input placeholder="license" {...form.bind("resourceType")} />
        </Field>
        <Field label="Resource id">
          <input {...form.bind("resourceId")} />
        </Field>
        <Field label="Actor id">
          <input {...form.bind("actorId")} />
        </Field>
      </form>
      <div class="row">
        <button type="button" class="small" disabled={verify.isPending} onClick={() => verify.mutate()}>
          Check the hash chain
        </button>
        <button type="button" class="small" disabled={exportLog.isPending} onClick={() => exportLog.mutate()}>
          Export (JSON Lines)
        </button>
        {verify.data === undefined ? null : (
          <span role="status" class={verify.data.valid ? "" : "error"}>
            {verify.data.valid ? `Intact: ${verify.data.entries} entries.` : `Broken at entry ${verify.data.firstBadSeq}.`}
          </span>
        )}
      </div>
      <ErrorText error={list.error ?? verify.error ?? exportLog.error} />
      <TableWrap label="Audit entries">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Resource</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.seq}</td>
                <td>{formatDate(entry.at)}</td>
                <td>
                  {entry.actor.label} <span class="muted">({entry.actor.type})</span>
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.resource.type} <code>{entry.resource.id.slice(0, 8)}…</code>
                </td>
                <td class="wrap">{entry.changes === null ? "—" : Object.keys(entry.changes).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <nav class="pager" aria-label="Pages">
        <button type="button" class="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span>{pagination === undefined ? "…" : `Page ${pagination.page} of ${Math.max(1, pagination.totalPages)} · ${pagination.total} entries`}</span>
        <button type="button" class="small" disabled={pagination === undefined || page >= pagination.totalPages} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </nav>
    </>
  );
}
