import { useState } from "preact/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter-preact";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import type { components } from "../../api/schema.d.ts";
import { Confirm } from "../../components/confirm.tsx";
import { ShownOnce } from "../../components/copy-button.tsx";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { useProduct } from "../../state/products.ts";
import { DeliveryLog } from "./delivery-log.tsx";
import { EventPicker } from "./event-picker.tsx";

type Endpoint = components["schemas"]["WebhookEndpoint"];

/** A product's webhook endpoints: add (secret shown once), enable/disable, test event, rotate secret, delete, delivery log. */
export function WebhooksPage(props: { productId: string }) {
  const product = useProduct(props.productId);
  const client = useQueryClient();
  const key = ["webhooks", props.productId];
  const path = { params: { path: { productId: props.productId } } };
  const endpoints = useQuery({ queryKey: key, queryFn: async () => unwrap(await api.GET("/v1/dashboard/webhooks/products/{productId}", path)).endpoints });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const [secret, setSecret] = useState<string | null>(null);
  const form = useFormValues({ url: "", description: "" });
  const [events, setEvents] = useState<string[]>(["*"]);
  const create = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/v1/dashboard/webhooks/products/{productId}", { ...path, body: { url: form.values.url.trim(), events, ...(form.values.description.trim() === "" ? {} : { description: form.values.description.trim() }) } })),
    onSuccess: (answer) => {
      setSecret(answer.secret);
      form.setValues({ url: "", description: "" });
      void refresh();
    },
  });
  return (
    <>
      <p class="crumbs">
        <Link href="/app/products">Products</Link> / <Link href={`/app/products/${props.productId}`}>{product.data?.name ?? "…"}</Link> /
      </p>
      <h1>Webhooks</h1>
      {secret === null ? null : <ShownOnce title="Signing secret" value={secret} onDone={() => setSecret(null)} />}
      <ErrorText error={endpoints.error} />
      {endpoints.data?.length === 0 ? <p class="muted">No endpoints yet.</p> : null}
      {endpoints.data?.map((endpoint) => <EndpointCard key={endpoint.id} endpoint={endpoint} onSecret={setSecret} onChange={refresh} />)}
      <h2>New endpoint</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Field label="URL" hint="https:// address that receives signed POSTs (docs/webhooks.md).">
          <input type="url" required maxLength={2048} {...form.bind("url")} />
        </Field>
        <Field label="Description (optional)">
          <input maxLength={500} {...form.bind("description")} />
        </Field>
        <EventPicker value={events} onChange={setEvents} />
        <SubmitButton busy={create.isPending}>Add endpoint</SubmitButton>
        <ErrorText error={create.error} />
      </form>
    </>
  );
}

function EndpointCard(props: { endpoint: Endpoint; onSecret: (secret: string) => void; onChange: () => void }) {
  const { endpoint } = props;
  const ids = { productId: endpoint.productId, endpointId: endpoint.id };
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [tested, setTested] = useState(false);
  const act = useMutation({
    mutationFn: async (action: "toggle" | "test" | "rotate" | "delete") => {
      const params = { params: { path: ids } };
      if (action === "toggle") return void unwrap(await api.PATCH("/v1/dashboard/webhooks/products/{productId}/{endpointId}", { ...params, body: { enabled: !endpoint.enabled } }));
      if (action === "test") return void (unwrap(await api.POST("/v1/dashboard/webhooks/products/{productId}/{endpointId}/test", params)), setTested(true));
      if (action === "rotate") return props.onSecret(unwrap(await api.POST("/v1/dashboard/webhooks/products/{productId}/{endpointId}/rotate-secret", params)).secret);
      unwrap(await api.DELETE("/v1/dashboard/webhooks/products/{productId}/{endpointId}", params));
    },
    onSuccess: () => props.onChange(),
  });
  return (
    <section class="card endpoint">
      <h2 class="row">
        <code>{endpoint.url}</code> <span class="badge">{endpoint.enabled ? "enabled" : "disabled"}</span>
      </h2>
      {endpoint.description === null ? null : <p>{endpoint.description}</p>}
      {endpoint.disabledReason === null ? null : <p class="error">Switched off: {endpoint.disabledReason}</p>}
      <p class="muted">Events: {endpoint.events.join(", ")}</p>
      <div class="row">
        <button type="button" class="small" disabled={act.isPending} onClick={() => act.mutate("toggle")}>
          {endpoint.enabled ? "Disable" : "Enable"}
        </button>
        <button type="button" class="small" disabled={act.isPending} onClick={() => act.mutate("test")}>
          Send test event
        </button>
        <button type="button" class="small" disabled={act.isPending} onClick={() => act.mutate("rotate")}>
          Rotate secret
        </button>
        <button type="button" class="small danger" onClick={() => setConfirmDelete(true)}>
          Delete
        </button>
        {tested ? <span role="status">Test event queued.</span> : null}
      </div>
      <ErrorText error={act.error} />
      {confirmDelete ? (
        <Confirm title="Delete this endpoint?" confirmLabel="Delete" busy={act.isPending} onConfirm={() => act.mutate("delete")} onCancel={() => setConfirmDelete(false)}>
          <p>Its deliveries and attempt log go with it.</p>
        </Confirm>
      ) : null}
      <DeliveryLog productId={endpoint.productId} endpointId={endpoint.id} />
    </section>
  );
}
