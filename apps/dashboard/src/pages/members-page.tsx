import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { unwrap } from "../api/errors.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../components/form.tsx";
import { useActiveOrgId, useMe } from "../state/me.ts";
import { TableWrap } from "../components/table-wrap.tsx";

type Role = "admin" | "member" | "viewer";
const ROLES: Role[] = ["admin", "member", "viewer"];

/** The active org's members: add an existing account, change roles, remove. */
export function MembersPage() {
  const orgId = useActiveOrgId();
  const me = useMe().data;
  const client = useQueryClient();
  const key = ["members", orgId];
  const members = useQuery({
    queryKey: key,
    enabled: orgId !== null,
    queryFn: async () => unwrap(await api.GET("/v1/dashboard/orgs/{orgId}/members", { params: { path: { orgId: orgId! }, query: { pageSize: 200 } } })).members,
  });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const form = useFormValues({ email: "", role: "member" });
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST("/v1/dashboard/orgs/{orgId}/members", { params: { path: { orgId: orgId! } }, body: { email: form.values.email.trim(), role: form.values.role as Role } })),
    onSuccess: () => (form.setValues({ email: "", role: "member" }), void refresh()),
  });
  const change = useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: Role | null }) =>
      role === null
        ? unwrap(await api.DELETE("/v1/dashboard/orgs/{orgId}/members/{userId}", { params: { path: { orgId: orgId!, userId } } }))
        : unwrap(await api.PATCH("/v1/dashboard/orgs/{orgId}/members/{userId}", { params: { path: { orgId: orgId!, userId } }, body: { role } })),
    onSuccess: () => void refresh(),
  });
  if (orgId === null) return <p>Create an organisation first (top bar).</p>;
  return (
    <>
      <h1>Members</h1>
      <ErrorText error={members.error ?? change.error} />
      <TableWrap label="Members">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.data?.map((member) => (
              <tr key={member.userId}>
                <td>{member.email}</td>
                <td>{member.name ?? ""}</td>
                <td>
                  {member.role === "owner" ? (
                    "owner"
                  ) : (
                    <label>
                      <span class="visually-hidden">Role of {member.email}</span>
                      <select value={member.role} onChange={(event) => change.mutate({ userId: member.userId, role: event.currentTarget.value as Role })}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                </td>
                <td>
                  {member.role === "owner" || member.userId === me?.user.id ? null : (
                    <button type="button" class="small danger" onClick={() => change.mutate({ userId: member.userId, role: null })}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>Add a member</h2>
      <form
        class="grid-form"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <Field label="Email of an existing account">
          <input type="email" required {...form.bind("email")} />
        </Field>
        <Field label="Role">
          <select {...form.bind("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </Field>
        <div class="form-actions">
          <SubmitButton busy={add.isPending}>Add member</SubmitButton>
          <ErrorText error={add.error} />
        </div>
      </form>
    </>
  );
}
