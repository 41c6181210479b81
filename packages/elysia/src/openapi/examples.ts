/**
 * An example value built from a JSON schema: a field's own `examples`, `const` or
 * `default` first, then a value from its name or type that meets its bounds. Examples
 * come from the schemas so they cannot disagree with them (the Redocly lint checks them
 * against the schemas, test/openapi-lint.test.ts); a string field whose pattern none of
 * the candidates meets throws here, naming it, so it gets an `examples` entry instead.
 */
type Schema = Record<string, unknown>;

const BY_NAME: Record<string, string> = {
  email: "ada@example.com",
  password: "correct horse battery staple",
  name: "Acme",
  username: "ada",
  url: "https://hooks.example.com/geckoguard",
  licenseKey: "GG-7K2QD-M9XWA-3HFTB-PZ8RC-Y4NVE",
  key: "GG-7K2QD-M9XWA-3HFTB-PZ8RC-Y4NVE",
  hwid: "a1b2c3d4e5f6",
  ip: "203.0.113.7",
  value: "a1b2c3d4e5f6",
  code: "123456",
  search: "ada",
  appVersion: "2.4.1",
  deviceName: "Ada's laptop",
  devicePlatform: "linux-x64",
  note: "Order #1042",
  reason: "Chargeback",
  description: "Billing sync",
};
const BY_FORMAT: Record<string, string> = {
  uuid: "01939a3c-5f6e-7d2a-9b1c-3e4f5a6b7c8d",
  "date-time": "2026-12-31T23:59:59.000Z",
  email: "ada@example.com",
  uri: "https://hooks.example.com/geckoguard",
};
const GENERIC = ["example", "gg_rt_5Qm2x8Vn0PzLr7Ys3Kd1Hw9Ta4Bc6Fe", "a1b2c3d4e5f6"];

function stringExample(schema: Schema, name: string): string {
  const candidates = [BY_NAME[name], BY_FORMAT[schema.format as string], ...GENERIC].filter((c): c is string => c !== undefined);
  const fits = (text: string) =>
    text.length >= ((schema.minLength as number) ?? 0) &&
    text.length <= ((schema.maxLength as number) ?? Infinity) &&
    (schema.pattern === undefined || new RegExp(schema.pattern as string, "u").test(text));
  const found = candidates.find(fits);
  if (found === undefined) throw new Error(`No example fits the string schema of "${name}": give it \`examples\``);
  return found;
}

function numberExample(schema: Schema): number {
  const minimum = (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined);
  if (minimum !== undefined) return minimum;
  return schema.maximum !== undefined ? Math.min(1, schema.maximum as number) : 1;
}

export function exampleOf(schema: Schema, name = ""): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ("const" in schema) return schema.const;
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union !== undefined) return exampleOf(union.find((member) => member.type !== "null") ?? union[0]!, name);
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...(schema.allOf as Schema[]).map((part) => exampleOf(part, name)));
  if (Array.isArray(schema.type)) return exampleOf({ ...schema, type: schema.type.find((type) => type !== "null") ?? "null" }, name);
  switch (schema.type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, exampleOf(property, key)]));
    }
    case "array": {
      const item = exampleOf((schema.items ?? {}) as Schema, name);
      return Array.from({ length: Math.max(1, (schema.minItems as number) ?? 1) }, (_, i) => (typeof item === "string" && i > 0 ? `${item}${i}` : item));
    }
    case "string":
      return stringExample(schema, name);
    case "integer":
    case "number":
      return numberExample(schema);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return {};
  }
}
