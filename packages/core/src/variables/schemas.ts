import { Type, type Static } from "@sinclair/typebox";
import { FreeText, SingleLine } from "../schemas/text.ts";
import { AnswerTime } from "../schemas/answer-fields.ts";

/** Limits of docs/variables.md: a name's characters, a value's bytes, variables per product and per license. */
export const VARIABLE_NAME_PATTERN = "^[A-Za-z0-9_.-]{1,64}$";
export const MAX_VARIABLE_VALUE_BYTES = 16 * 1024;
export const MAX_VARIABLES = 200;

export const VariableNameSchema = Type.String({ pattern: VARIABLE_NAME_PATTERN, description: "1–64 of A–Z, a–z, 0–9, `_`, `.`, `-`", examples: ["feature.maxProjects"] });
/** Text (TAB, LF, CR allowed: a PEM or JSON value fits); its length in bytes (UTF-8) is checked by the use case, a schema counts characters. */
const VariableValue = FreeText({ maxLength: MAX_VARIABLE_VALUE_BYTES, description: "Text up to 16 KiB (UTF-8); no control characters but TAB, LF and CR" });

export const ProductVariableBody = Type.Object(
  {
    value: VariableValue,
    secret: Type.Optional(Type.Boolean({ default: false, description: "Hidden from lists for roles below admin and from API keys; the app still receives it" })),
    description: Type.Optional(Type.Union([FreeText({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type ProductVariableInput = Static<typeof ProductVariableBody>;

export const LicenseVariableBody = Type.Object({ value: VariableValue }, { additionalProperties: false });
export type LicenseVariableInput = Static<typeof LicenseVariableBody>;

export const ProductVariableSchema = Type.Object(
  {
    name: Type.String(),
    value: Type.Union([Type.String(), Type.Null()], { description: "null for a secret the caller may not see" }),
    secret: Type.Boolean(),
    description: Type.Union([Type.String(), Type.Null()]),
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "ProductVariable", additionalProperties: false },
);

export const LicenseVariableSchema = Type.Object(
  {
    name: Type.String(),
    value: Type.Union([Type.String(), Type.Null()], { description: "null for an override of a secret variable the caller may not see" }),
    secret: Type.Boolean({ description: "Whether it overrides a secret product variable" }),
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "LicenseVariable", additionalProperties: false },
);

/** The app's variables call: the session call's fields and, optionally, which names it wants. */
export const VariablesCallBody = Type.Object({
  licenseKey: SingleLine({ minLength: 1, maxLength: 128 }),
  sessionId: Type.String({ format: "uuid", description: "A live session of this license (from authorize)" }),
  names: Type.Optional(Type.Array(VariableNameSchema, { minItems: 1, maxItems: MAX_VARIABLES, description: "Only these; absent: every variable" })),
});
export const VariablesAnswerSchema = Type.Object(
  { variables: Type.Record(Type.String(), Type.String(), { description: "name → value; a license's override wins over the product's value" }) },
  { $id: "AppVariables", additionalProperties: false },
);
