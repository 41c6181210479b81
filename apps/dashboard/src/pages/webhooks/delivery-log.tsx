import { Fragment } from "preact";
import { useState } from "preact/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { ErrorText } from "../../components/form.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { formatDate } from "../licenses/license-state.tsx";

type Status = "" | "pending" | "delivered" | "failed";

/** An endpoint's deliveries, newest first, each with its attempts; a failed one can be sent again. */
export function DeliveryLog(props: { productId: string; endpointId: string }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>("");
  const [open, setOpen] = useState<string | null>(null);
  const ids = { productId: props.productId, endpointId: props.endpointId };
  const key = ["deliveries", props.endpointId, status];
  const deliveries = useQuery({
    queryKey: key,
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
    queryFn: async () =>
      unwrap(await api.GET("/v1/dashboard/webhooks/products/{productId}/{endpointId}/deliveries", { params: { path: ids, query: { pageSize: 50, ...(status === "" ? {} : { status }) } } })).deliveries,
  });
  const redeliver = useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(await api.POST("/v1/dashboard/webhooks/products/{productId}/{endpointId}/deliveries/{deliveryId}/redeliver", { params: { path: { ...ids, deliveryId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["deliveries", props.endpointId] }),
  });
  return (
    <div>
      <label class="row">
        Deliveries
        <select value={status} onChange={(event) => setStatus(event.currentTarget.value as Status)}>
          <option value="">all</option>
          <option value="pending">pending</option>
          <option value="delivered">delivered</option>
          <option value="failed">failed</option>
        </select>
      </label>
      <ErrorText error={deliveries.error ?? redeliver.error} />
      <TableWrap label="Deliveries">
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">Created</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data?.map((delivery) => (
              <Fragment key={delivery.id}>
                <tr>
                  <td>{delivery.eventType}</td>
                  <td>{delivery.status}</td>
                  <td>
                    {delivery.attempts}/{delivery.attemptLimit}
                  </td>
                  <td>{delivery.lastStatusCode ?? delivery.lastError ?? "—"}</td>
                  <td>{formatDate(delivery.createdAt)}</td>
                  <td class="row">
                    <button type="button" class="small" aria-expanded={open === delivery.id} onClick={() => setOpen(open === delivery.id ? null : delivery.id)}>
                      Attempts
                    </button>
                    {delivery.status === "failed" ? (
                      <button type="button" class="small" disabled={redeliver.isPending} onClick={() => redeliver.mutate(delivery.id)}>
                        Redeliver
                      </button>
                    ) : null}
                  </td>
                </tr>
                {open === delivery.id ? (
                  <tr>
                    <td colSpan={6}>
                      <Attempts {...ids} deliveryId={delivery.id} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {deliveries.data?.length === 0 ? <p class="muted">No deliveries yet.</p> : null}
    </div>
  );
}

function Attempts(props: { productId: string; endpointId: string; deliveryId: string }) {
  const attempts = useQuery({
    queryKey: ["attempts", props.deliveryId],
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/dashboard/webhooks/products/{productId}/{endpointId}/attempts", {
          params: { path: { productId: props.productId, endpointId: props.endpointId }, query: { deliveryId: props.deliveryId, pageSize: 50 } },
        }),
      ).attempts,
  });
  if (attempts.error) return <ErrorText error={attempts.error} />;
  return (
    <ul class="plain">
      {attempts.data?.map((attempt) => (
        <li key={attempt.id}>
          #{attempt.attempt} {formatDate(attempt.createdAt)}: {attempt.outcome}
          {attempt.statusCode === null ? "" : ` (HTTP ${attempt.statusCode})`} in {attempt.durationMs} ms{attempt.error === null ? "" : ` — ${attempt.error}`}
        </li>
      ))}
    </ul>
  );
}
