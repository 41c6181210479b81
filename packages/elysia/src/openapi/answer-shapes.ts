import { Type, type TSchema } from "@sinclair/typebox";
import { PaginationSchema } from "@geckoguard/core";

/** `{ [name]: item }`: one resource, as most routes answer it. */
export function One<T extends TSchema>(name: string, item: T) {
  return Type.Object({ [name]: item }, { additionalProperties: false });
}

/** `{ [name]: item[], pagination }`: a page of a list. */
export function Page<T extends TSchema>(name: string, item: T) {
  return Type.Object({ [name]: Type.Array(item), pagination: PaginationSchema }, { additionalProperties: false });
}

/** `{ [name]: true }`: a removal or a one-off action that returns no resource. */
export function Done(name: string) {
  return Type.Object({ [name]: Type.Literal(true) }, { additionalProperties: false });
}

/** `{ [name]: n }`: how many rows an action changed. */
export function Count(name: string, description?: string) {
  return Type.Object({ [name]: Type.Integer({ minimum: 0, examples: [1], ...(description ? { description } : {}) }) }, { additionalProperties: false });
}
