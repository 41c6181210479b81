import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { unwrap } from "../api/errors.ts";

export const meKey = ["me"] as const;

/** The signed-in user, their orgs and the active one. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: async () => unwrap(await api.GET("/v1/dashboard/me")) });
}

/** The org every page works in; null before the user has one. */
export function useActiveOrgId(): string | null {
  const me = useMe().data;
  return me?.activeOrgId ?? me?.orgs[0]?.id ?? null;
}

/** Switching org: the server remembers it, and every cached list of the old org is dropped. */
export function useSwitchOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (activeOrgId: string) => unwrap(await api.PATCH("/v1/dashboard/me", { body: { activeOrgId } })),
    onSuccess: () => client.invalidateQueries(),
  });
}
