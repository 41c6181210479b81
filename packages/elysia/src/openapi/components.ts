type Json = unknown;

/**
 * Moves every schema carrying a `$id` (the answer schemas beside core's presenters) into
 * `components.schemas` under that name and leaves a `$ref` in its place, so the document
 * and the client generated from it name `License`, `Product`… once instead of repeating
 * them inline. Two different schemas with one `$id` are a mistake and throw.
 */
export function hoistNamedSchemas(document: Json, schemas: Record<string, Json>): Json {
  const seen = new Map<string, string>();
  const visit = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== "object") return node;
    const { $id, ...rest } = node as Record<string, Json>;
    const walked = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, visit(value)]));
    if (typeof $id !== "string") return walked;
    const text = JSON.stringify(walked);
    if (seen.has($id) && seen.get($id) !== text) throw new Error(`Two different schemas are named ${$id}`);
    seen.set($id, text);
    schemas[$id] = walked;
    return { $ref: `#/components/schemas/${$id}` };
  };
  return visit(JSON.parse(JSON.stringify(document)));
}
