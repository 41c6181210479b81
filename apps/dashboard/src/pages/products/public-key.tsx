import { CopyButton } from "../../components/copy-button.tsx";
import type { Product } from "../../api/types.ts";

/** The Ed25519 key apps verify signed answers with: copy it or save it as a file. */
export function PublicKey(props: { product: Product }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([props.product.publicKey + "\n"], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${props.product.name.replace(/[^\w.-]+/g, "_")}-public-key.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section>
      <h2>Public key</h2>
      <p class="muted">Ship this in your app to verify the server's signed answers.</p>
      <code class="secret" data-testid="public-key">
        {props.product.publicKey}
      </code>
      <div class="row">
        <CopyButton text={props.product.publicKey} />
        <button type="button" class="small" onClick={download}>
          Download
        </button>
      </div>
    </section>
  );
}
