import { useState } from "preact/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter-preact";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import type { License } from "../../api/types.ts";
import { CopyButton } from "../../components/copy-button.tsx";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { LicenseActions } from "./license-actions.tsx";
import { LicenseSessions } from "./license-sessions.tsx";
import { formatDate, StateBadge } from "./license-state.tsx";

export function LicensePage(props: { id: string }) {
  const license = useQuery({ queryKey: ["license", props.id], queryFn: async () => unwrap(await api.GET("/v1/dashboard/licenses/{id}", { params: { path: { id: props.id } } })).license });
  if (license.error) return <ErrorText error={license.error} />;
  if (license.data === undefined) return <p class="loading">Loading…</p>;
  const data = license.data;
  return (
    <>
      <p class="crumbs">
        <Link href="/app/licenses">Licenses</Link> /
      </p>
      <h1 class="row">
        <code>{data.key}</code> <StateBadge license={data} />
      </h1>
      <div class="row">
        <CopyButton text={data.key} label="Copy key" />
        <LicenseActions license={data} />
      </div>
      <dl class="facts">
        <dt>Expires</dt>
        <dd>{formatDate(data.expiresAt)}</dd>
        <dt>Created</dt>
        <dd>{formatDate(data.createdAt)}</dd>
        <dt>Last authorized</dt>
        <dd>{formatDate(data.lastAuthorizedAt)}</dd>
        <dt>End user</dt>
        <dd>{data.endUserEmail ?? data.endUserUsername ?? data.endUserId ?? "—"}</dd>
      </dl>
      <Bindings license={data} />
      <LicenseSessions licenseId={data.id} />
      <NoteAndMetadata key={data.updatedAt} license={data} />
    </>
  );
}

/** Bound HWIDs and IPs, each list resettable (the next authorize binds afresh). */
function Bindings(props: { license: License }) {
  const client = useQueryClient();
  const reset = useMutation({
    mutationFn: async (what: "hwid" | "ip") =>
      unwrap(await api.POST(what === "hwid" ? "/v1/dashboard/licenses/{id}/reset-hwid" : "/v1/dashboard/licenses/{id}/reset-ip", { params: { path: { id: props.license.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["license", props.license.id] }),
  });
  const { hwids, ips, maxHwids, maxIps } = props.license;
  return (
    <section>
      <h2>Bindings</h2>
      <div class="two-col">
        <div>
          <h3>
            HWIDs ({hwids.length}/{maxHwids})
          </h3>
          <ul class="plain">{hwids.length === 0 ? <li class="muted">None bound.</li> : hwids.map((hwid) => <li key={hwid}><code>{hwid}</code></li>)}</ul>
          <button type="button" class="small" disabled={hwids.length === 0 || reset.isPending} onClick={() => reset.mutate("hwid")}>
            Reset HWIDs
          </button>
        </div>
        <div>
          <h3>
            IPs ({ips.length}/{maxIps})
          </h3>
          <ul class="plain">{ips.length === 0 ? <li class="muted">None bound.</li> : ips.map((ip) => <li key={ip}><code>{ip}</code></li>)}</ul>
          <button type="button" class="small" disabled={ips.length === 0 || reset.isPending} onClick={() => reset.mutate("ip")}>
            Reset IPs
          </button>
        </div>
      </div>
      <ErrorText error={reset.error} />
    </section>
  );
}

function NoteAndMetadata(props: { license: License }) {
  const client = useQueryClient();
  const form = useFormValues({ note: props.license.note ?? "", metadata: JSON.stringify(props.license.metadata ?? {}, null, 2) });
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (metadata: Record<string, unknown>) =>
      unwrap(await api.PATCH("/v1/dashboard/licenses/{id}", { params: { path: { id: props.license.id } }, body: { note: form.values.note === "" ? null : form.values.note, metadata } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["license", props.license.id] }),
  });
  const submit = (event: Event) => {
    event.preventDefault();
    let metadata: unknown;
    try {
      metadata = JSON.parse(form.values.metadata);
    } catch {
      return setParseError("Metadata must be a JSON object.");
    }
    if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) return setParseError("Metadata must be a JSON object.");
    setParseError(null);
    save.mutate(metadata as Record<string, unknown>);
  };
  return (
    <section>
      <h2>Note and metadata</h2>
      <form onSubmit={submit}>
        <Field label="Note">
          <textarea rows={2} maxLength={1000} {...form.bind("note")} />
        </Field>
        <Field label="Metadata (JSON object)">
          <textarea rows={6} class="mono" {...form.bind("metadata")} />
        </Field>
        {parseError === null ? null : (
          <p class="error" role="alert">
            {parseError}
          </p>
        )}
        <ErrorText error={save.error} />
        <SubmitButton busy={save.isPending}>Save</SubmitButton>
        {save.isSuccess ? <span role="status"> Saved.</span> : null}
      </form>
    </section>
  );
}
