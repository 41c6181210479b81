import { useState } from "preact/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter-preact";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import type { License } from "../../api/types.ts";
import { Confirm } from "../../components/confirm.tsx";
import { ErrorText } from "../../components/form.tsx";

type Action = "revoke" | "unrevoke" | "freeze" | "unfreeze" | "delete";

/** One license's state changes; revoking and deleting ask first. */
export function LicenseActions(props: { license: License }) {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const path = { params: { path: { id: props.license.id } } };
  const act = useMutation({
    mutationFn: async (action: Action) => {
      if (action === "revoke") unwrap(await api.POST("/v1/dashboard/licenses/{id}/revoke", path));
      else if (action === "unrevoke") unwrap(await api.POST("/v1/dashboard/licenses/{id}/unrevoke", path));
      else if (action === "delete") unwrap(await api.DELETE("/v1/dashboard/licenses/{id}", path));
      else unwrap(await api.PATCH("/v1/dashboard/licenses/{id}", { ...path, body: { frozen: action === "freeze" } }));
      return action;
    },
    onSuccess: (action) => {
      setConfirming(null);
      void client.invalidateQueries({ queryKey: ["licenses"] });
      if (action === "delete") navigate("/app/licenses");
      else void client.invalidateQueries({ queryKey: ["license", props.license.id] });
    },
  });
  const revoked = props.license.status === "revoked";
  return (
    <div class="row">
      {revoked ? (
        <button type="button" class="small" disabled={act.isPending} onClick={() => act.mutate("unrevoke")}>
          Unrevoke
        </button>
      ) : (
        <button type="button" class="small danger" onClick={() => setConfirming("revoke")}>
          Revoke
        </button>
      )}
      <button type="button" class="small" disabled={act.isPending} onClick={() => act.mutate(props.license.frozen ? "unfreeze" : "freeze")}>
        {props.license.frozen ? "Unfreeze" : "Freeze"}
      </button>
      <button type="button" class="small danger" onClick={() => setConfirming("delete")}>
        Delete
      </button>
      {confirming === null ? <ErrorText error={act.error} /> : (
        <Confirm title={confirming === "revoke" ? "Revoke this license?" : "Delete this license?"} confirmLabel={confirming === "revoke" ? "Revoke" : "Delete"} busy={act.isPending} onConfirm={() => act.mutate(confirming)} onCancel={() => (setConfirming(null), act.reset())}>
          <p>{confirming === "revoke" ? "Its next authorize and heartbeat are refused." : "The license is gone for good."}</p>
          <ErrorText error={act.error} />
        </Confirm>
      )}
    </div>
  );
}
