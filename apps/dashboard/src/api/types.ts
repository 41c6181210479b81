import type { components } from "./schema.d.ts";

type Schemas = components["schemas"];
export type Org = Schemas["Org"];
export type Product = Schemas["Product"];
export type License = Schemas["License"];
export type Session = Schemas["Session"];
export type ApiKey = Schemas["ApiKey"];
export type User = Schemas["User"];
export type Policy = Product["policy"];
