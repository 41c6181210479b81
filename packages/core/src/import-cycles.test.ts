import { describe, expect, test } from "bun:test";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * No value-import loop between core's modules: a loop makes module initialisation order
 * matter (a presenter imported by the use case that records the event it feeds, say).
 * Type-only imports are erased and cannot loop at run time, so they do not count.
 */
const SRC = import.meta.dir;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

/** Relative modules a file imports or re-exports for their values. */
function valueImportsOf(path: string, text: string): string[] {
  const statements = text.match(/^(?:import|export)\s(?!type\s)[^;]*?\sfrom\s*["']\.[^"']+["']/gm) ?? [];
  return statements.map((statement) => resolve(dirname(path), statement.match(/["'](\.[^"']+)["']$/)![1]!));
}

/** Every cycle found by a depth-first walk, as the chain of modules that closes it. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (state.get(node) === undefined) visit(node);
  return cycles;
}

describe("core's import graph", () => {
  test("has no value-import cycle", () => {
    const files = sourceFiles(SRC);
    const graph = new Map(files.map((path) => [path, valueImportsOf(path, readFileSync(path, "utf8"))]));
    expect(files.length).toBeGreaterThan(100);
    expect(findCycles(graph).map((cycle) => cycle.map((path) => relative(SRC, path)).join(" -> "))).toEqual([]);
  });

  test("the walk finds a loop when there is one, and ignores type-only imports", () => {
    const graph = new Map([
      ["/x/a.ts", valueImportsOf("/x/a.ts", 'import { b } from "./b.ts";')],
      ["/x/b.ts", valueImportsOf("/x/b.ts", 'export { a } from "./a.ts";\nimport type { C } from "./c.ts";')],
    ]);
    expect(findCycles(graph)).toEqual([["/x/a.ts", "/x/b.ts", "/x/a.ts"]]);
  });
});
