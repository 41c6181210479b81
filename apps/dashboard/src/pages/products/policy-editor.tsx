import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import type { Product } from "../../api/types.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";

/** The product's name and the defaults its licenses inherit (each overridable per license). */
export function PolicyEditor(props: { product: Product }) {
  const { policy } = props.product;
  const client = useQueryClient();
  const form = useFormValues({
    name: props.product.name,
    hwidBinding: policy.hwidBinding,
    maxHwids: String(policy.maxHwids),
    ipBinding: policy.ipBinding,
    maxIps: String(policy.maxIps),
    maxSessions: String(policy.maxSessions),
    sessionTtlSeconds: String(policy.sessionTtlSeconds),
    durationDays: policy.durationDays === null ? "" : String(policy.durationDays),
  });
  const save = useMutation({
    mutationFn: async () => {
      const v = form.values;
      const body = {
        name: v.name.trim(),
        policy: {
          hwidBinding: v.hwidBinding === "on" ? ("on" as const) : ("off" as const),
          maxHwids: Number(v.maxHwids),
          ipBinding: v.ipBinding === "on" ? ("on" as const) : ("off" as const),
          maxIps: Number(v.maxIps),
          maxSessions: Number(v.maxSessions),
          sessionTtlSeconds: Number(v.sessionTtlSeconds),
          durationDays: v.durationDays.trim() === "" ? null : Number(v.durationDays),
        },
      };
      return unwrap(await api.PATCH("/v1/dashboard/products/{id}", { params: { path: { id: props.product.id } }, body })).product;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["product", props.product.id] }),
  });
  return (
    <form
      class="grid-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Field label="Product name">
        <input required {...form.bind("name")} />
      </Field>
      <Field label="HWID binding">
        <select {...form.bind("hwidBinding")}>
          <option value="off">off</option>
          <option value="on">on</option>
        </select>
      </Field>
      <Field label="Max HWIDs">
        <input type="number" min={1} max={1000} required {...form.bind("maxHwids")} />
      </Field>
      <Field label="IP binding">
        <select {...form.bind("ipBinding")}>
          <option value="off">off</option>
          <option value="on">on</option>
        </select>
      </Field>
      <Field label="Max IPs">
        <input type="number" min={1} max={1000} required {...form.bind("maxIps")} />
      </Field>
      <Field label="Max concurrent sessions">
        <input type="number" min={1} max={10000} required {...form.bind("maxSessions")} />
      </Field>
      <Field label="Session TTL (seconds)">
        <input type="number" min={30} max={2592000} required {...form.bind("sessionTtlSeconds")} />
      </Field>
      <Field label="License duration (days)" hint="Empty: licenses never expire by default.">
        <input type="number" min={1} max={36500} {...form.bind("durationDays")} />
      </Field>
      <div class="form-actions">
        <SubmitButton busy={save.isPending}>Save policy</SubmitButton>
        {save.isSuccess ? <span role="status">Saved.</span> : null}
        <ErrorText error={save.error} />
      </div>
    </form>
  );
}
