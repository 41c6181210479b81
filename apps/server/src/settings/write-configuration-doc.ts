/** `bun run docs:config`: regenerates docs/configuration.md from the settings table. */
import { join } from "node:path";
import { renderConfigurationDoc } from "./render.ts";

const target = join(import.meta.dir, "../../../../docs/configuration.md");
await Bun.write(target, renderConfigurationDoc());
console.log(`wrote ${target}`);
