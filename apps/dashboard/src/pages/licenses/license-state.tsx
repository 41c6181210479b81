import type { License } from "../../api/types.ts";

/** The derived state as a labelled badge (revoked, frozen, expired, valid). */
export function StateBadge(props: { license: Pick<License, "state"> }) {
  return <span class={`badge state-${props.license.state}`}>{props.license.state}</span>;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDate(iso: string | null): string {
  return iso === null ? "—" : dateFormat.format(new Date(iso));
}
