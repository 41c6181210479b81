import { bundleDashboard, type DashboardBuild } from "./build/bundle.ts";

export type { DashboardBuild, DashboardFile } from "./build/bundle.ts";

let built: Promise<DashboardBuild> | null = null;

/**
 * The dashboard's files, bundled from source on first use (once per process). In the
 * compiled binary apps/server/build.ts replaces this module by one holding the files.
 */
export function dashboardBuild(): Promise<DashboardBuild> {
  built ??= bundleDashboard();
  return built;
}
