import { Type } from "@sinclair/typebox";
import { NameSchema } from "../auth/schemas.ts";
import { IdParam } from "../orgs/schemas.ts";
import { ProductPolicyPatchSchema } from "./policy.ts";

export const CreateProductBody = Type.Object({
  orgId: Type.Optional(IdParam),
  name: NameSchema,
  policy: Type.Optional(ProductPolicyPatchSchema),
});
export const UpdateProductBody = Type.Object({
  name: Type.Optional(NameSchema),
  policy: Type.Optional(ProductPolicyPatchSchema),
});
export const AddProductToOrgBody = Type.Object({ productId: IdParam });
