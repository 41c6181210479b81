import { useState } from "preact/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter-preact";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { Confirm } from "../../components/confirm.tsx";
import { ErrorText } from "../../components/form.tsx";
import { useProduct } from "../../state/products.ts";
import { ApiKeys } from "./api-keys.tsx";
import { Blacklist } from "./blacklist.tsx";
import { PolicyEditor } from "./policy-editor.tsx";
import { PublicKey } from "./public-key.tsx";

export function ProductPage(props: { id: string }) {
  const product = useProduct(props.id);
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE("/v1/dashboard/products/{id}", { params: { path: { id: props.id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["products"] });
      navigate("/app/products");
    },
  });
  if (product.error) return <ErrorText error={product.error} />;
  if (product.data === undefined) return <p class="loading">Loading…</p>;
  return (
    <>
      <p class="crumbs">
        <Link href="/app/products">Products</Link> /
      </p>
      <h1>{product.data.name}</h1>
      <p class="row">
        <Link href={`/app/licenses?productId=${props.id}`}>Licenses of this product →</Link>
        <Link href={`/app/products/${props.id}/webhooks`}>Webhooks →</Link>
      </p>
      <section>
        <h2>Policy</h2>
        <PolicyEditor key={product.data.updatedAt} product={product.data} />
      </section>
      <PublicKey product={product.data} />
      <ApiKeys productId={props.id} />
      <Blacklist productId={props.id} />
      <section>
        <h2>Danger zone</h2>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Delete product
        </button>
        {confirming ? (
          <Confirm title={`Delete “${product.data.name}”?`} confirmLabel="Delete product" busy={remove.isPending} onConfirm={() => remove.mutate()} onCancel={() => setConfirming(false)}>
            <p>Its licenses, API keys, blacklists and webhooks are deleted with it.</p>
            <ErrorText error={remove.error} />
          </Confirm>
        ) : null}
      </section>
    </>
  );
}
