// `bun run docs:openapi`: regenerates docs/openapi.json from the routes' TypeBox schemas,
// and the client types generated from it (apps/dashboard/src/api/schema.d.ts: the dashboard's API
// client and the quickstart walk in test/openapi-client both type-check against this one copy).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openApiClientTypes } from "./openapi-client-types.ts";
import { serverOpenApiJson } from "./src/openapi-spec.ts";

const target = join(import.meta.dir, "../../docs/openapi.json");
const json = await serverOpenApiJson();
writeFileSync(target, json);
console.log(`wrote ${target}`);
const types = join(import.meta.dir, "../dashboard/src/api/schema.d.ts");
writeFileSync(types, await openApiClientTypes(json));
console.log(`wrote ${types}`);
