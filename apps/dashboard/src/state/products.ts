import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { unwrap } from "../api/errors.ts";
import { useActiveOrgId } from "./me.ts";

/** The active org's products (the licenses page's product filter and the product list). */
export function useProducts() {
  const orgId = useActiveOrgId();
  return useQuery({
    queryKey: ["products", orgId],
    enabled: orgId !== null,
    queryFn: async () => unwrap(await api.GET("/v1/dashboard/orgs/{orgId}/products", { params: { path: { orgId: orgId! } } })).products,
  });
}

export function useProduct(id: string) {
  return useQuery({ queryKey: ["product", id], queryFn: async () => unwrap(await api.GET("/v1/dashboard/products/{id}", { params: { path: { id } } })).product });
}
