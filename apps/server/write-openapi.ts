// `bun run docs:openapi`: regenerates docs/openapi.json from the routes' TypeBox schemas.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { serverOpenApiJson } from "./src/openapi-spec.ts";

const target = join(import.meta.dir, "../../docs/openapi.json");
writeFileSync(target, await serverOpenApiJson());
console.log(`wrote ${target}`);
