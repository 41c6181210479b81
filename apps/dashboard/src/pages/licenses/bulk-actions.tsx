import { useState } from "preact/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { Confirm } from "../../components/confirm.tsx";
import { ErrorText, Field } from "../../components/form.tsx";

type BulkAction = "revoke" | "unrevoke" | "freeze" | "unfreeze" | "extend" | "reset-hwid" | "reset-ip" | "delete";

const LABELS: Record<BulkAction, string> = {
  revoke: "Revoke",
  unrevoke: "Unrevoke",
  freeze: "Freeze",
  unfreeze: "Unfreeze",
  extend: "Extend",
  "reset-hwid": "Reset HWIDs",
  "reset-ip": "Reset IPs",
  delete: "Delete",
};

/**
 * What the selected licenses can have done to them, each after a confirmation. The
 * org's bulk routes are all or nothing; HWID/IP resets have no bulk route and go one by
 * one, with progress.
 */
export function BulkActions(props: { orgId: string; ids: string[]; onDone: () => void }) {
  const client = useQueryClient();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [days, setDays] = useState("30");
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const orgPath = { params: { path: { orgId: props.orgId } } };
  const run = useMutation({
    mutationFn: async (chosen: BulkAction): Promise<string> => {
      const ids = props.ids;
      switch (chosen) {
        case "extend":
          return `${unwrap(await api.POST("/v1/dashboard/orgs/{orgId}/licenses/extend", { ...orgPath, body: { ids, days: Number(days) } })).updated} extended`;
        case "delete":
          return `${unwrap(await api.DELETE("/v1/dashboard/orgs/{orgId}/licenses", { ...orgPath, body: { ids } })).deleted} deleted`;
        case "reset-hwid":
        case "reset-ip": {
          const route = chosen === "reset-hwid" ? "/v1/dashboard/licenses/{id}/reset-hwid" : "/v1/dashboard/licenses/{id}/reset-ip";
          for (const [index, id] of ids.entries()) {
            setProgress(index / ids.length);
            unwrap(await api.POST(route, { params: { path: { id } } }));
          }
          return `${ids.length} reset`;
        }
        default:
          return `${unwrap(await api.POST(`/v1/dashboard/orgs/{orgId}/licenses/${chosen}`, { ...orgPath, body: { ids } })).updated} changed`;
      }
    },
    onSuccess: (message) => {
      setResult(message);
      setAction(null);
      props.onDone();
    },
    onSettled: () => {
      setProgress(null);
      void client.invalidateQueries({ queryKey: ["licenses"] });
    },
  });
  return (
    <div class="bulk-bar" role="group" aria-label="Bulk actions">
      <span>{props.ids.length} selected</span>
      {(Object.keys(LABELS) as BulkAction[]).map((name) => (
        <button key={name} type="button" class={`small${name === "delete" ? " danger" : ""}`} disabled={props.ids.length === 0} onClick={() => (setAction(name), setResult(null), run.reset())}>
          {LABELS[name]}
        </button>
      ))}
      {result === null ? null : <span role="status">{result}.</span>}
      {action === null ? null : (
        <Confirm title={`${LABELS[action]} ${props.ids.length} license${props.ids.length === 1 ? "" : "s"}?`} confirmLabel={LABELS[action]} busy={run.isPending} onConfirm={() => run.mutate(action)} onCancel={() => setAction(null)}>
          {action === "extend" ? (
            <Field label="Days to add">
              <input type="number" min={1} max={36500} value={days} onInput={(event) => setDays(event.currentTarget.value)} />
            </Field>
          ) : null}
          {action === "delete" ? <p>Deleted licenses are gone for good.</p> : null}
          {progress === null ? null : <progress max={1} value={progress} aria-label="Progress" />}
          <ErrorText error={run.error} />
        </Confirm>
      )}
    </div>
  );
}
