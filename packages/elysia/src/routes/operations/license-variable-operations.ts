import {
  LicenseVariableBody,
  LicenseVariableSchema,
  deleteLicenseVariable,
  listLicenseVariables,
  presentLicenseVariable,
  putLicenseVariable,
} from "@geckoguard/core";
import { Type } from "@sinclair/typebox";
import { Done, One } from "../../openapi/answer-shapes.ts";
import { LicenseVariableParams, LicenseVariablesParams } from "../route-params.ts";
import { operation } from "./operation.ts";

/** A license's variable overrides (dashboard only; docs/variables.md): the use cases take the user and check the role. */
export const licenseVariableOperations = {
  list: operation({
    params: LicenseVariablesParams,
    answer: Type.Object({ variables: Type.Array(LicenseVariableSchema) }, { additionalProperties: false }),
    async run(ctx, userId: string, { params }) {
      const { variables, seesSecrets } = await listLicenseVariables(ctx, userId, params.id);
      return { variables: variables.map((variable) => presentLicenseVariable(variable, seesSecrets)) };
    },
  }),
  put: operation({
    params: LicenseVariableParams,
    body: LicenseVariableBody,
    answer: One("variable", LicenseVariableSchema),
    run: async (ctx, userId: string, { params, body }) => ({ variable: presentLicenseVariable(await putLicenseVariable(ctx, userId, params.id, params.name, body), true) }),
  }),
  remove: operation({
    params: LicenseVariableParams,
    answer: Done("deleted"),
    async run(ctx, userId: string, { params }) {
      await deleteLicenseVariable(ctx, userId, params.id, params.name);
      return { deleted: true };
    },
  }),
};
