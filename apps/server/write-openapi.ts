// `bun run docs:openapi`: regenerates docs/openapi.json from the routes' TypeBox schemas,
// and the client types generated from it (test/openapi-client/schema.d.ts, apps/dashboard/src/api/schema.d.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openApiClientTypes } from "./openapi-client-types.ts";
import { serverOpenApiJson } from "./src/openapi-spec.ts";

const target = join(import.meta.dir, "../../docs/openapi.json");
const json = await serverOpenApiJson();
writeFileSync(target, json);
console.log(`wrote ${target}`);
const clientTypes = await openApiClientTypes(json);
// The quickstart walk's copy, and the dashboard's (its API client is typed by it).
for (const types of [join(import.meta.dir, "../../test/openapi-client/schema.d.ts"), join(import.meta.dir, "../dashboard/src/api/schema.d.ts")]) {
  writeFileSync(types, clientTypes);
  console.log(`wrote ${types}`);
}
