import { useState } from "preact/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { unwrap } from "../api/errors.ts";
import { meKey, useActiveOrgId, useMe, useSwitchOrg } from "../state/me.ts";
import { ErrorText, SubmitButton, useFormValues } from "./form.tsx";

/** Picks the active org, or creates one (which becomes the active org). */
export function OrgSwitcher() {
  const me = useMe().data;
  const activeOrgId = useActiveOrgId();
  const switchOrg = useSwitchOrg();
  const [creating, setCreating] = useState(false);
  if (me === undefined) return null;
  return (
    <div class="org-switcher">
      {me.orgs.length > 0 ? (
        <label>
          <span class="visually-hidden">Organisation</span>
          <select
            value={activeOrgId ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === "__new") setCreating(true);
              else switchOrg.mutate(value);
            }}
          >
            {me.orgs.map((org) => (
              <option value={org.id} key={org.id}>
                {org.name} ({org.role})
              </option>
            ))}
            <option value="__new">+ New organisation…</option>
          </select>
        </label>
      ) : null}
      {creating || me.orgs.length === 0 ? <CreateOrg onDone={() => setCreating(false)} first={me.orgs.length === 0} /> : null}
      <ErrorText error={switchOrg.error} />
    </div>
  );
}

function CreateOrg(props: { onDone: () => void; first: boolean }) {
  const client = useQueryClient();
  const switchOrg = useSwitchOrg();
  const form = useFormValues({ name: "" });
  const create = useMutation({
    mutationFn: async (name: string) => unwrap(await api.POST("/v1/dashboard/orgs", { body: { name } })),
    onSuccess: async ({ org }) => {
      await switchOrg.mutateAsync(org.id);
      await client.invalidateQueries({ queryKey: meKey });
      props.onDone();
    },
  });
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(form.values.name.trim());
      }}
    >
      <label>
        <span class="visually-hidden">New organisation name</span>
        <input placeholder={props.first ? "Name your first organisation" : "Organisation name"} required {...form.bind("name")} />
      </label>
      <SubmitButton busy={create.isPending} class="small primary">
        Create organisation
      </SubmitButton>
      {props.first ? null : (
        <button type="button" class="small" onClick={props.onDone}>
          Cancel
        </button>
      )}
      <ErrorText error={create.error} />
    </form>
  );
}
