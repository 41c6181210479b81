// The catalogue itself, not a copy: a pure list with no imports, so the bundle takes only it.
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from "../../../../../packages/core/src/webhooks/event-catalogue.ts";

/** "Every event" (including types added later), or a chosen set of types. */
export function EventPicker(props: { value: string[]; onChange: (events: string[]) => void }) {
  const all = props.value.includes(ALL_EVENTS);
  const toggle = (type: string) => props.onChange(props.value.includes(type) ? props.value.filter((t) => t !== type) : [...props.value, type]);
  return (
    <fieldset class="scopes">
      <legend>Events</legend>
      <label class="check">
        <input type="checkbox" checked={all} onChange={() => props.onChange(all ? [] : [ALL_EVENTS])} />
        every event (*)
      </label>
      {WEBHOOK_EVENT_TYPES.filter((type) => type !== "webhook_endpoint.test").map((type) => (
        <label key={type} class="check">
          <input type="checkbox" disabled={all} checked={all || props.value.includes(type)} onChange={() => toggle(type)} />
          {type}
        </label>
      ))}
    </fieldset>
  );
}
