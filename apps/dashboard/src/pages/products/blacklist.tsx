import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";

type EntryType = "HWID" | "IP";

/** A product's blacklist: one entry (an IP may be a CIDR range), or many pasted one per line. */
export function Blacklist(props: { productId: string }) {
  const client = useQueryClient();
  const key = ["blacklist", props.productId];
  const path = { params: { path: { productId: props.productId } } };
  const entries = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await api.GET("/v1/dashboard/blacklists/products/{productId}", { params: { path: { productId: props.productId }, query: { pageSize: 100 } } })),
  });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const form = useFormValues({ type: "IP", value: "", reason: "", bulk: "" });
  const type = form.values.type as EntryType;
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST("/v1/dashboard/blacklists/products/{productId}", { ...path, body: { type, value: form.values.value.trim(), reason: form.values.reason.trim() || null } })),
    onSuccess: () => {
      form.setValues((v) => ({ ...v, value: "", reason: "" }));
      void refresh();
    },
  });
  const bulk = useMutation({
    mutationFn: async () => {
      const values = form.values.bulk.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
      return unwrap(await api.POST("/v1/dashboard/blacklists/products/{productId}/bulk", { ...path, body: { entries: values.map((value) => ({ type, value })) } }));
    },
    onSuccess: () => {
      form.setValues((v) => ({ ...v, bulk: "" }));
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (entryId: string) => unwrap(await api.DELETE("/v1/dashboard/blacklists/products/{productId}/{entryId}", { params: { path: { productId: props.productId, entryId } } })),
    onSuccess: () => void refresh(),
  });
  return (
    <section>
      <h2>Blacklist</h2>
      <ErrorText error={entries.error ?? remove.error} />
      <TableWrap label="Blacklist entries">
        <table>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
              <th scope="col">Reason</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {entries.data?.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.type}</td>
                <td>
                  <code>{entry.value}</code>
                </td>
                <td>{entry.reason ?? ""}</td>
                <td>
                  <button type="button" class="small" onClick={() => remove.mutate(entry.id)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <form
        class="grid-form"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <Field label="Type">
          <select {...form.bind("type")}>
            <option value="IP">IP address or CIDR range</option>
            <option value="HWID">HWID</option>
          </select>
        </Field>
        <Field label="Value" hint={type === "IP" ? "e.g. 203.0.113.7 or 203.0.113.0/24" : undefined}>
          <input required maxLength={256} {...form.bind("value")} />
        </Field>
        <Field label="Reason (optional)">
          <input maxLength={500} {...form.bind("reason")} />
        </Field>
        <div class="form-actions">
          <SubmitButton busy={add.isPending}>Add entry</SubmitButton>
          <ErrorText error={add.error} />
        </div>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          bulk.mutate();
        }}
      >
        <Field label={`Paste many ${type === "IP" ? "IPs / CIDR ranges" : "HWIDs"}, one per line (up to 1000)`}>
          <textarea rows={4} {...form.bind("bulk")} />
        </Field>
        <SubmitButton busy={bulk.isPending}>Add all</SubmitButton>
        <ErrorText error={bulk.error} />
      </form>
    </section>
  );
}
