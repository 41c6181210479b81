import { useState } from "preact/hooks";

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton(props: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <button type="button" class="small" onClick={copy}>
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy by hand" : (props.label ?? "Copy")}
    </button>
  );
}

/** A secret the API shows once: the value, a copy button and the warning. */
export function ShownOnce(props: { title: string; value: string; onDone: () => void }) {
  return (
    <section class="shown-once" role="status">
      <h3>{props.title}</h3>
      <p>This is shown only once. Copy it now; it cannot be shown again.</p>
      <code class="secret" data-testid="shown-once-value">
        {props.value}
      </code>
      <div class="row">
        <CopyButton text={props.value} />
        <button type="button" class="small" onClick={props.onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
