import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter-preact";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { useActiveOrgId } from "../../state/me.ts";
import { useProducts } from "../../state/products.ts";

export function ProductsPage() {
  const orgId = useActiveOrgId();
  const products = useProducts();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const form = useFormValues({ name: "" });
  const create = useMutation({
    mutationFn: async (name: string) => unwrap(await api.POST("/v1/dashboard/products", { body: { name, orgId: orgId! } })).product,
    onSuccess: async (product) => {
      await client.invalidateQueries({ queryKey: ["products"] });
      navigate(`/app/products/${product.id}`);
    },
  });
  if (orgId === null) return <p>Create an organisation first (top bar).</p>;
  return (
    <>
      <h1>Products</h1>
      <ErrorText error={products.error} />
      {products.data?.length === 0 ? <p>No products yet.</p> : null}
      <ul class="cards">
        {products.data?.map((product) => (
          <li key={product.id} class="card">
            <Link href={`/app/products/${product.id}`}>{product.name}</Link>
            <span class="muted">
              HWID {product.policy.hwidBinding === "on" ? `≤ ${product.policy.maxHwids}` : "off"} · IP {product.policy.ipBinding === "on" ? `≤ ${product.policy.maxIps}` : "off"} · sessions ≤ {product.policy.maxSessions}
            </span>
          </li>
        ))}
      </ul>
      <h2>New product</h2>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(form.values.name.trim());
        }}
      >
        <Field label="Name">
          <input required maxLength={200} {...form.bind("name")} />
        </Field>
        <SubmitButton busy={create.isPending}>Create product</SubmitButton>
        <ErrorText error={create.error} />
      </form>
    </>
  );
}
