import { useState } from "preact/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import type { ApiKey } from "../../api/types.ts";
import { Confirm } from "../../components/confirm.tsx";
import { ShownOnce } from "../../components/copy-button.tsx";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { SCOPES, type Scope } from "./scopes.ts";
import { TableWrap } from "../../components/table-wrap.tsx";

/** A product's API keys: create with scopes (plaintext shown once), rotate, revoke, delete. */
export function ApiKeys(props: { productId: string }) {
  const client = useQueryClient();
  const key = ["api-keys", props.productId];
  const keys = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await api.GET("/v1/dashboard/api-keys", { params: { query: { productId: props.productId, pageSize: 100 } } })).apiKeys,
  });
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [pending, setPending] = useState<{ action: "rotate" | "revoke" | "delete"; apiKey: ApiKey } | null>(null);
  const form = useFormValues({ name: "" });
  const [scopes, setScopes] = useState<Set<Scope>>(new Set(["license:authorize"]));
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/v1/dashboard/api-keys", { body: { productId: props.productId, name: form.values.name.trim(), permissions: SCOPES.filter((scope) => scopes.has(scope)) } })),
    onSuccess: (answer) => {
      setSecret({ title: `API key “${answer.apiKey.name}”`, value: answer.key });
      form.setValues({ name: "" });
      void refresh();
    },
  });
  const act = useMutation({
    mutationFn: async ({ action, apiKey }: { action: "rotate" | "revoke" | "delete"; apiKey: ApiKey }) => {
      const path = { params: { path: { id: apiKey.id } } };
      if (action === "rotate") return unwrap(await api.POST("/v1/dashboard/api-keys/{id}/rotate", path)).key;
      if (action === "revoke") unwrap(await api.POST("/v1/dashboard/api-keys/{id}/revoke", path));
      else unwrap(await api.DELETE("/v1/dashboard/api-keys/{id}", path));
      return null;
    },
    onSuccess: (newKey, { apiKey }) => {
      if (newKey !== null) setSecret({ title: `New secret of “${apiKey.name}”`, value: newKey });
      setPending(null);
      void refresh();
    },
  });
  const toggle = (scope: Scope) => setScopes((current) => {
    const next = new Set(current);
    if (next.has(scope)) next.delete(scope);
    else next.add(scope);
    return next;
  });
  return (
    <section>
      <h2>API keys</h2>
      {secret === null ? null : <ShownOnce title={secret.title} value={secret.value} onDone={() => setSecret(null)} />}
      <ErrorText error={keys.error} />
      <TableWrap label="API keys">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Scopes</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {keys.data?.map((apiKey) => (
              <tr key={apiKey.id}>
                <td>{apiKey.name}</td>
                <td>
                  <code>{apiKey.prefix}…</code>
                </td>
                <td class="wrap">{apiKey.permissions.join(", ")}</td>
                <td>{apiKey.revokedAt === null ? "active" : "revoked"}</td>
                <td class="row">
                  {apiKey.revokedAt === null ? (
                    <>
                      <button type="button" class="small" onClick={() => setPending({ action: "rotate", apiKey })}>
                        Rotate
                      </button>
                      <button type="button" class="small" onClick={() => setPending({ action: "revoke", apiKey })}>
                        Revoke
                      </button>
                    </>
                  ) : null}
                  <button type="button" class="small danger" onClick={() => setPending({ action: "delete", apiKey })}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {pending === null ? null : (
        <Confirm
          title={`${pending.action[0]!.toUpperCase()}${pending.action.slice(1)} “${pending.apiKey.name}”?`}
          confirmLabel={pending.action === "rotate" ? "Rotate" : pending.action === "revoke" ? "Revoke" : "Delete"}
          busy={act.isPending}
          onConfirm={() => act.mutate(pending)}
          onCancel={() => {
            setPending(null);
            act.reset();
          }}
        >
          <p>{pending.action === "rotate" ? "The old secret stops working at once." : pending.action === "revoke" ? "The key stops working for good; it stays listed." : "The key is removed."}</p>
          <ErrorText error={act.error} />
        </Confirm>
      )}
      <h3>New API key</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Field label="Key name">
          <input required maxLength={200} {...form.bind("name")} />
        </Field>
        <fieldset class="scopes">
          <legend>Scopes</legend>
          {SCOPES.map((scope) => (
            <label key={scope} class="check">
              <input type="checkbox" checked={scopes.has(scope)} onChange={() => toggle(scope)} />
              {scope}
            </label>
          ))}
        </fieldset>
        <SubmitButton busy={create.isPending}>Create API key</SubmitButton>
        <ErrorText error={create.error} />
      </form>
    </section>
  );
}
