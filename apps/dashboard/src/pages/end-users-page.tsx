import { useEffect, useState } from "preact/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter-preact";
import { api } from "../api/client.ts";
import { unwrap } from "../api/errors.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../components/form.tsx";
import { useActiveOrgId } from "../state/me.ts";
import { formatDate } from "./licenses/license-state.tsx";
import { TableWrap } from "../components/table-wrap.tsx";

/** The org's end users: search, add, and a link to each one's licenses. */
export function EndUsersPage() {
  const orgId = useActiveOrgId();
  const client = useQueryClient();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => (setSearch(typed.trim()), setPage(1)), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useQuery({
    queryKey: ["end-users", orgId, search, page],
    enabled: orgId !== null,
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET("/v1/dashboard/orgs/{orgId}/end-users", { params: { path: { orgId: orgId! }, query: { page, pageSize: 100, ...(search === "" ? {} : { search }) } } })),
  });
  const form = useFormValues({ email: "", username: "" });
  const add = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/v1/dashboard/orgs/{orgId}/end-users", {
          params: { path: { orgId: orgId! } },
          body: { username: form.values.username.trim(), ...(form.values.email.trim() === "" ? {} : { email: form.values.email.trim() }) },
        }),
      ),
    onSuccess: () => (form.setValues({ email: "", username: "" }), void client.invalidateQueries({ queryKey: ["end-users"] })),
  });
  if (orgId === null) return <p>Create an organisation first (top bar).</p>;
  const pagination = list.data?.pagination;
  return (
    <>
      <h1>End users</h1>
      <Field label="Search by email or username">
        <input type="search" value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
      </Field>
      <ErrorText error={list.error} />
      <TableWrap label="End users">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Username</th>
              <th scope="col">Since</th>
              <th scope="col">Licenses</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.endUsers.map((user) => (
              <tr key={user.id}>
                <td>{user.email ?? "—"}</td>
                <td>{user.username ?? "—"}</td>
                <td>{formatDate(user.createdAt)}</td>
                <td>
                  <Link href={`/app/licenses?endUserId=${user.id}`}>Licenses</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <nav class="pager" aria-label="Pages">
        <button type="button" class="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span>{pagination === undefined ? "…" : `Page ${pagination.page} of ${Math.max(1, pagination.totalPages)} · ${pagination.total} end users`}</span>
        <button type="button" class="small" disabled={pagination === undefined || page >= pagination.totalPages} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </nav>
      <h2>Add an end user</h2>
      <form
        class="grid-form"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <Field label="Username">
          <input required {...form.bind("username")} />
        </Field>
        <Field label="Email (optional)">
          <input type="email" {...form.bind("email")} />
        </Field>
        <div class="form-actions">
          <SubmitButton busy={add.isPending}>Add end user</SubmitButton>
          <ErrorText error={add.error} />
        </div>
      </form>
    </>
  );
}
