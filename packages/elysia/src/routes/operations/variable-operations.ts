import {
  ProductVariableBody,
  ProductVariableSchema,
  deleteProductVariable,
  listProductVariables,
  presentProductVariable,
  putProductVariable,
  type Caller,
} from "@geckoguard/core";
import { Type } from "@sinclair/typebox";
import { Done, One } from "../../openapi/answer-shapes.ts";
import { productIdParam } from "../route-params.ts";
import { operation } from "./operation.ts";

/** A product's app variables, for both families (docs/variables.md): the use cases take the caller and check it; each family mounts them with its own path parameters. */
export const variableOperations = {
  list: operation({
    answer: Type.Object({ variables: Type.Array(ProductVariableSchema) }, { additionalProperties: false }),
    async run(ctx, caller: Caller, { params }) {
      const { variables, seesSecrets } = await listProductVariables(ctx, caller, productIdParam(params));
      return { variables: variables.map((variable) => presentProductVariable(variable, seesSecrets)) };
    },
  }),
  put: operation({
    body: ProductVariableBody,
    answer: One("variable", ProductVariableSchema),
    run: async (ctx, caller: Caller, { params, body }) => ({ variable: presentProductVariable(await putProductVariable(ctx, caller, productIdParam(params), params.name!, body), true) }),
  }),
  remove: operation({
    answer: Done("deleted"),
    async run(ctx, caller: Caller, { params }) {
      await deleteProductVariable(ctx, caller, productIdParam(params), params.name!);
      return { deleted: true };
    },
  }),
};
