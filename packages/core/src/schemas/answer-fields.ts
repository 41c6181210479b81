import { Type, type TSchema } from "@sinclair/typebox";

/**
 * Building blocks of the answer schemas (the `data` of `{ok:true,data}`). Each carries an
 * example, so the OpenAPI document's examples are built from the schemas themselves and
 * stay valid against them.
 */
export const AnswerId = Type.String({ format: "uuid", examples: ["01939a3c-5f6e-7d2a-9b1c-3e4f5a6b7c8d"] });
export const AnswerTime = Type.String({ format: "date-time", examples: ["2026-01-15T09:30:00.000Z"] });

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export const AnswerTimeOrNull = Nullable(AnswerTime);

/** Every list answer's `pagination`. */
export const PaginationSchema = Type.Object(
  {
    page: Type.Integer({ minimum: 1, examples: [1] }),
    pageSize: Type.Integer({ minimum: 1, examples: [50] }),
    total: Type.Integer({ minimum: 0, examples: [1] }),
    totalPages: Type.Integer({ minimum: 0, examples: [1] }),
  },
  { $id: "Pagination", additionalProperties: false },
);
