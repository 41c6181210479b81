import { IdParam } from "@geckoguard/core";
import { Type } from "@sinclair/typebox";

// Path parameters of the routes (`:orgId`, `:productId`, …): an HTTP concern, so they live
// with the routes; every id in a path is a UUID.
export const OrgIdParams = Type.Object({ orgId: IdParam });
export const OrgMemberParams = Type.Object({ orgId: IdParam, userId: IdParam });
export const ProductIdParams = Type.Object({ id: IdParam });
export const OrgProductParams = Type.Object({ orgId: IdParam, productId: IdParam });
export const ApiKeyIdParams = Type.Object({ id: IdParam });
export const ProductApiKeysParams = Type.Object({ productId: IdParam });
export const ProductBlacklistParams = Type.Object({ productId: IdParam });
export const BlacklistEntryParams = Type.Object({ productId: IdParam, entryId: IdParam });
export const WebhookProductParams = Type.Object({ productId: IdParam });
export const WebhookEndpointParams = Type.Object({ productId: IdParam, endpointId: IdParam });
export const WebhookDeliveryParams = Type.Object({ productId: IdParam, endpointId: IdParam, deliveryId: IdParam });
export const OrgInviteParams = Type.Object({ orgId: IdParam, inviteId: IdParam });
// Variables are named in the path (a name, not an id); versions by id. The dashboard names
// a product `:id` (its /products/:id routes came first), the management API `:productId`.
const VariableName = Type.String({ pattern: "^[A-Za-z0-9_.-]{1,64}$", description: "1–64 of A–Z, a–z, 0–9, `_`, `.`, `-`" });
export const ProductVariablesParams = Type.Object({ productId: IdParam });
export const ProductVariableParams = Type.Object({ productId: IdParam, name: VariableName });
export const LicenseVariablesParams = Type.Object({ id: IdParam });
export const LicenseVariableParams = Type.Object({ id: IdParam, name: VariableName });
export const ProductVersionsParams = Type.Object({ productId: IdParam });
export const ProductVersionParams = Type.Object({ productId: IdParam, versionId: IdParam });
export const DashboardProductVariablesParams = Type.Object({ id: IdParam });
export const DashboardProductVariableParams = Type.Object({ id: IdParam, name: VariableName });
export const DashboardProductVersionsParams = Type.Object({ id: IdParam });
export const DashboardProductVersionParams = Type.Object({ id: IdParam, versionId: IdParam });

/** The product a path names, under either family's parameter name. */
export const productIdParam = (params: Record<string, string | undefined>): string => (params.productId ?? params.id)!;
