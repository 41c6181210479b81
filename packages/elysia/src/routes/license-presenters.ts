import { presentLicense, type LicenseView, type Pagination } from "@geckoguard/core";

/** Dashboard answers always carry owner fields (docs/licenses.md#owner-fields). */
export function dashboardLicense(license: LicenseView, now: number) {
  return presentLicense(license, now, { includeOwner: true });
}

export function licensePage(items: LicenseView[], pagination: Pagination, now: number, includeOwner: boolean) {
  return { licenses: items.map((l) => presentLicense(l, now, { includeOwner })), pagination };
}
