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
