import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { describeError } from "../api/errors.ts";

/** A labelled control with the API's error for it, if any, right below. */
export function Field(props: { label: string; hint?: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      {props.children}
      {props.hint === undefined ? null : <span class="hint">{props.hint}</span>}
    </label>
  );
}

/** The failure of the action next to it, in the API's words (with a 429's wait). */
export function ErrorText(props: { error: unknown }) {
  if (props.error === null || props.error === undefined) return null;
  return (
    <p class="error" role="alert">
      {describeError(props.error)}
    </p>
  );
}

/**
 * A form's values kept in state: a failed submit changes nothing of what was typed.
 * `bind(name)` wires an input's value and its input event.
 */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onInput: (event: Event) => setValues((current) => ({ ...current, [name]: (event.currentTarget as HTMLInputElement).value })),
  });
  return { values, setValues, bind };
}

export function SubmitButton(props: { busy: boolean; children: ComponentChildren; class?: string }) {
  return (
    <button type="submit" class={props.class ?? "primary"} disabled={props.busy} aria-busy={props.busy}>
      {props.children}
    </button>
  );
}
