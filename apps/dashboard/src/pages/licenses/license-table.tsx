import { useRef } from "preact/hooks";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Link } from "wouter-preact";
import type { License } from "../../api/types.ts";
import { CopyButton } from "../../components/copy-button.tsx";
import { formatDate, StateBadge } from "./license-state.tsx";

const ROW_HEIGHT = 41;

/**
 * One page of licenses (up to 1000 rows): only the rows in view are in the DOM, between
 * two spacer rows that keep the scroll height, so the table stays a real <table>.
 */
export function LicenseTable(props: { licenses: License[]; productNames: Map<string, string>; selected: Set<string>; onSelect: (ids: string[], on: boolean) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: props.licenses.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtual.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const allOnPage = props.licenses.length > 0 && props.licenses.every((license) => props.selected.has(license.id));
  return (
    <div class="table-wrap tall" ref={scroller} tabIndex={0} role="region" aria-label="Licenses of this page">
      <table class="licenses" aria-rowcount={props.licenses.length + 1}>
        <thead>
          <tr>
            <th scope="col" class="select">
              <input type="checkbox" aria-label="Select every license of this page" checked={allOnPage} onChange={(event) => props.onSelect(props.licenses.map((l) => l.id), event.currentTarget.checked)} />
            </th>
            <th scope="col">Key</th>
            <th scope="col">Product</th>
            <th scope="col">State</th>
            <th scope="col">Expires</th>
            <th scope="col">HWIDs</th>
            <th scope="col">Last authorized</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 ? <tr class="spacer" style={{ height: `${before}px` }} aria-hidden="true" /> : null}
          {items.map((item) => {
            const license = props.licenses[item.index]!;
            return (
              <tr key={license.id} data-index={item.index} aria-rowindex={item.index + 2} style={{ height: `${ROW_HEIGHT}px` }}>
                <td class="select">
                  <input type="checkbox" aria-label={`Select ${license.key}`} checked={props.selected.has(license.id)} onChange={(event) => props.onSelect([license.id], event.currentTarget.checked)} />
                </td>
                <td class="key">
                  <Link href={`/app/licenses/${license.id}`}>
                    <code>{license.key}</code>
                  </Link>{" "}
                  <CopyButton text={license.key} label="Copy" />
                </td>
                <td>{props.productNames.get(license.productId) ?? "—"}</td>
                <td>
                  <StateBadge license={license} />
                </td>
                <td>{formatDate(license.expiresAt)}</td>
                <td>
                  {license.hwids.length}/{license.maxHwids}
                </td>
                <td>{formatDate(license.lastAuthorizedAt)}</td>
              </tr>
            );
          })}
          {after > 0 ? <tr class="spacer" style={{ height: `${after}px` }} aria-hidden="true" /> : null}
        </tbody>
      </table>
    </div>
  );
}
