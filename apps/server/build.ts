/**
 * `bun run build:binary`: one self-contained executable at dist/geckoguard.
 *
 * The `libsql` package picks its native module with a dynamic
 * require(`@libsql/${target}`), which the bundler cannot follow; the plugin below
 * rewrites it to a static require of this platform's package so the .node file is
 * embedded. Migrations are already TypeScript (src/migrations/bundled.ts). The web
 * dashboard is bundled here once and its files replace the module that would bundle
 * it from source at run time, so the binary needs no files beside it.
 */
import { join } from "node:path";
import { rmSync } from "node:fs";
import { bundleDashboard } from "../dashboard/src/build/bundle.ts";

const root = join(import.meta.dir, "../..");
const outfile = join(root, "dist/geckoguard");

function nativeTarget(): string {
  const arch = process.arch === "arm64" ? "arm64" : "x64";
  if (process.platform === "linux") return `linux-${arch}-gnu`;
  if (process.platform === "darwin") return `darwin-${arch}`;
  if (process.platform === "win32") return `win32-${arch}-msvc`;
  throw new Error(`No libsql native module for ${process.platform}-${process.arch}`);
}

const libsqlStaticNative: Bun.BunPlugin = {
  name: "libsql-static-native",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]libsql[\\/]index\.js$/ }, async (args) => {
      const source = await Bun.file(args.path).text();
      const rewritten = source.replace("require(`@libsql/${target}`)", `require("@libsql/${nativeTarget()}")`);
      if (rewritten === source) throw new Error("libsql's native require was not found; update apps/server/build.ts");
      return { contents: rewritten, loader: "js" };
    });
  },
};

const dashboard = await bundleDashboard();
const embeddedDashboard: Bun.BunPlugin = {
  name: "embedded-dashboard",
  setup(build) {
    build.onLoad({ filter: /[\\/]apps[\\/]dashboard[\\/]src[\\/]index\.ts$/ }, () => ({
      contents: `const built = ${JSON.stringify(dashboard)};\nexport function dashboardBuild() { return Promise.resolve(built); }\n`,
      loader: "js",
    }));
  },
};

rmSync(outfile, { force: true });
const result = await Bun.build({
  // The authorize store's worker is its own entry point, embedded next to main.
  entrypoints: [join(import.meta.dir, "src/main.ts"), join(root, "packages/store-libsql/src/authorize/authorize-worker.ts")],
  compile: { outfile },
  minify: true,
  // Where the embedded worker lands (entry points keep their path below the common root).
  define: { GG_AUTHORIZE_WORKER_URL: JSON.stringify("/$bunfs/root/packages/store-libsql/src/authorize/authorize-worker.js") },
  sourcemap: "none",
  plugins: [libsqlStaticNative, embeddedDashboard],
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
console.log(`built ${outfile}`);
