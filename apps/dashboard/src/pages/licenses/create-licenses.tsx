import { useState } from "preact/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import type { Product } from "../../api/types.ts";
import { CopyButton } from "../../components/copy-button.tsx";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";

/** Issues N licenses of a product; empty fields keep the product's policy. */
export function CreateLicenses(props: { orgId: string; products: Product[]; defaultProductId: string }) {
  const client = useQueryClient();
  const form = useFormValues({ productId: props.defaultProductId || (props.products[0]?.id ?? ""), count: "1", durationDays: "", expiresAt: "", maxHwids: "", maxIps: "", note: "" });
  const [keys, setKeys] = useState<string[] | null>(null);
  const create = useMutation({
    mutationFn: async () => {
      const v = form.values;
      const optionalNumber = (text: string) => (text.trim() === "" ? undefined : Number(text));
      const body = {
        productId: v.productId,
        count: Number(v.count),
        durationDays: optionalNumber(v.durationDays),
        expiresAt: v.expiresAt === "" ? undefined : new Date(v.expiresAt).toISOString(),
        maxHwids: optionalNumber(v.maxHwids),
        maxIps: optionalNumber(v.maxIps),
        note: v.note.trim() === "" ? undefined : v.note,
      };
      return unwrap(await api.POST("/v1/dashboard/orgs/{orgId}/licenses", { params: { path: { orgId: props.orgId } }, body })).licenses;
    },
    onSuccess: (licenses) => {
      setKeys(licenses.map((license) => license.key));
      void client.invalidateQueries({ queryKey: ["licenses"] });
    },
  });
  return (
    <details class="panel">
      <summary>Create licenses</summary>
      <form
        class="grid-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Field label="Product">
          <select required {...form.bind("productId")}>
            {props.products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="How many">
          <input type="number" min={1} max={500} required {...form.bind("count")} />
        </Field>
        <Field label="Duration (days)" hint="Empty: the product's policy.">
          <input type="number" min={1} max={36500} {...form.bind("durationDays")} />
        </Field>
        <Field label="Or expires at">
          <input type="datetime-local" {...form.bind("expiresAt")} />
        </Field>
        <Field label="Max HWIDs">
          <input type="number" min={1} max={1000} {...form.bind("maxHwids")} />
        </Field>
        <Field label="Max IPs">
          <input type="number" min={1} max={1000} {...form.bind("maxIps")} />
        </Field>
        <Field label="Note">
          <input maxLength={1000} {...form.bind("note")} />
        </Field>
        <div class="form-actions">
          <SubmitButton busy={create.isPending}>Create</SubmitButton>
          <ErrorText error={create.error} />
        </div>
      </form>
      {keys === null ? null : (
        <div role="status" class="created-keys">
          <p>
            {keys.length} license{keys.length === 1 ? "" : "s"} created. <CopyButton text={keys.join("\n")} label="Copy all keys" />
          </p>
          <textarea readOnly rows={Math.min(keys.length, 6)} aria-label="Created license keys" value={keys.join("\n")} />
        </div>
      )}
    </details>
  );
}
