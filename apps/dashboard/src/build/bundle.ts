import { dirname, join } from "node:path";

/** One built file of the dashboard, as the server answers it. */
export interface DashboardFile {
  contentType: string;
  body: string;
}

/** The built dashboard: hashed files by name, and which of them the page loads. */
export interface DashboardBuild {
  files: Record<string, DashboardFile>;
  scripts: string[];
  styles: string[];
}

const here = import.meta.dir;
const entry = join(here, "../main.tsx");

/** Where preact/compat stands in for React (the TanStack adapters import `react`). */
function preactPath(specifier: string): string {
  const target = specifier === "react/jsx-runtime" || specifier === "react/jsx-dev-runtime" ? "preact/jsx-runtime" : specifier === "react-dom/client" ? "preact/compat/client" : "preact/compat";
  return Bun.resolveSync(target, here);
}

const reactToPreact: Bun.BunPlugin = {
  name: "react-to-preact",
  setup(build) {
    build.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, (args) => ({ path: preactPath(args.path) }));
  },
};

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
};

/**
 * Bundles the dashboard with Bun (minified, content-hashed names) into memory. The
 * server runs this on the first dashboard request; apps/server/build.ts runs it once
 * and embeds the result in the binary.
 */
export async function bundleDashboard(): Promise<DashboardBuild> {
  const result = await Bun.build({
    entrypoints: [entry],
    target: "browser",
    minify: true,
    naming: "[name]-[hash].[ext]",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    plugins: [reactToPreact],
  });
  if (!result.success) throw new AggregateError(result.logs, "the dashboard did not build");
  const files: Record<string, DashboardFile> = {};
  const build: DashboardBuild = { files, scripts: [], styles: [] };
  for (const output of result.outputs) {
    const name = output.path.replace(/^.*[\\/]/, "");
    const ext = name.slice(name.lastIndexOf(".") + 1);
    files[name] = { contentType: CONTENT_TYPES[ext] ?? "application/octet-stream", body: await output.text() };
    if (output.kind === "entry-point") build.scripts.push(name);
    else if (ext === "css") build.styles.push(name);
  }
  return build;
}

export const dashboardSourceDir = dirname(entry);
