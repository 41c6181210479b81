import type { Api } from "./http-client.ts";

/** Every license id the org holds, read page by page through the dashboard. */
export async function orgLicenseIds(api: Api, token: string, orgId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const answer = await api("GET", `/v1/dashboard/orgs/${orgId}/licenses?page=${page}&pageSize=200`, { token });
    if (answer.status !== 200) throw new Error(`listing licenses answered ${answer.status}`);
    for (const license of answer.body.data.licenses as { id: string }[]) ids.add(license.id);
    if (page >= answer.body.data.pagination.totalPages) return ids;
  }
}
