import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Core is pure: domain rules, use cases and ports. Drivers (native modules, network, DNS,
 * files, databases) and HTTP answer shaping live in @geckoguard/drivers, store-libsql and
 * elysia. This test walks core's import graph and fails when one of them creeps in.
 */

const SRC = import.meta.dir;

/** Bare specifiers core must never import, with the reason a maintainer reads in the failure. */
const FORBIDDEN_MODULES: [RegExp, string][] = [
  [/^@node-rs\//, "native module: put the adapter in packages/drivers"],
  [/^jose(\/.*)?$/, "JWT driver: put the adapter in packages/drivers"],
  [/^(libsql|@libsql\/.*|drizzle-orm(\/.*)?|better-sqlite3)$/, "database driver: belongs in packages/store-libsql"],
  [/^(elysia|@elysiajs\/.*)$/, "HTTP framework: belongs in packages/elysia"],
  [/^@geckoguard\//, "core depends on no other GeckoGuard package"],
  [/^(node:)?(fs|fs\/promises|dns|dns\/promises|net|tls|http|https|http2|dgram|child_process|worker_threads)$/, "I/O: put it behind a port"],
  [/^bun:/, "Bun runtime module: put it behind a port"],
];

/** Source text that means I/O or HTTP answers, whatever the import list says. */
const FORBIDDEN_TEXT: [RegExp, string][] = [
  [/\bfetch\s*\(/, "network call (fetch)"],
  [/\bBun\.[A-Za-z]/, "Bun runtime API"],
  [/\bnew\s+(Response|Request|Headers)\s*\(/, "HTTP answer object"],
  [/retry-after|ratelimit-(limit|remaining|reset)|x-gg-response-signature/i, "HTTP answer header name: shape headers in packages/elysia"],
  [/\brequire\s*\(/, "require(): imports must be static and checkable"],
];

const isTestOnly = (path: string) => /\.test\.ts$/.test(path) || path.includes("/ports/contract/");

/** Every specifier a module names: static imports, re-exports, side-effect and dynamic imports. */
function specifiersOf(text: string): string[] {
  const found: string[] = [];
  // A specifier has no spaces: prose such as "the import's validator" is not an import.
  for (const pattern of [/\bfrom\s*["']([^"'\s]+)["']/g, /^\s*import\s*["']([^"'\s]+)["']/gm, /\bimport\s*\(\s*["']([^"'\s]+)["']\s*\)/g]) {
    for (const match of text.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

/** What is wrong with one module's text, as "why: what" lines. */
function violationsIn(text: string): string[] {
  const problems: string[] = [];
  for (const specifier of specifiersOf(text)) {
    if (specifier.startsWith(".")) continue;
    const rule = FORBIDDEN_MODULES.find(([pattern]) => pattern.test(specifier));
    if (rule) problems.push(`${rule[1]}: imports "${specifier}"`);
  }
  for (const [pattern, why] of FORBIDDEN_TEXT) {
    const match = text.match(pattern);
    if (match) problems.push(`${why}: "${match[0]}"`);
  }
  return problems;
}

interface Graph {
  /** Every module reached, by path. */
  modules: string[];
  /** Bare specifiers (packages and builtins) the reached modules import. */
  bare: Set<string>;
  /** "path: problem" for each violation, relative imports that resolve to nothing included. */
  problems: string[];
}

/** Walks the graph from `roots`, following relative imports; `read` returns null for a missing file. */
function walkImports(roots: string[], read: (path: string) => string | null): Graph {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const problems: string[] = [];
  const queue = [...roots];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = read(path);
    if (text === null) {
      problems.push(`${path}: imported but not found`);
      continue;
    }
    for (const problem of violationsIn(text)) problems.push(`${path}: ${problem}`);
    for (const specifier of specifiersOf(text)) {
      if (!specifier.startsWith(".")) bare.add(specifier);
      else queue.push(resolve(dirname(path), specifier));
    }
  }
  return { modules: [...seen], bare, problems };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const readOrNull = (path: string) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
};

describe("core purity", () => {
  test("no module of core reaches a driver, I/O or an HTTP answer", () => {
    const roots = sourceFiles(SRC).filter((path) => !isTestOnly(path));
    const graph = walkImports(roots, readOrNull);
    // The walk really read core: every source file, and the schema library it is built on.
    expect(roots.length).toBeGreaterThan(100);
    expect(graph.bare.has("@sinclair/typebox")).toBe(true);
    expect(graph.problems.map((p) => relative(SRC, p))).toEqual([]);
    // A production module that pulls in test support would bring bun:test along.
    expect(graph.modules.filter(isTestOnly).map((p) => relative(SRC, p))).toEqual([]);
  });

  test("every package core imports is declared in its package.json; node:crypto is the only builtin", () => {
    const manifest = JSON.parse(readFileSync(join(SRC, "../package.json"), "utf8")) as { dependencies?: Record<string, string> };
    const declared = new Set(Object.keys(manifest.dependencies ?? {}));
    const roots = sourceFiles(SRC).filter((path) => !isTestOnly(path));
    const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
    const undeclared = [...walkImports(roots, readOrNull).bare].map(packageOf).filter((name) => name !== "node:crypto" && !declared.has(name));
    expect(undeclared).toEqual([]);
  });
});

describe("the purity check itself", () => {
  const files: Record<string, string> = {
    "/core/index.ts": `import { a } from "./a.ts";\nexport * from "./b.ts";\n`,
    "/core/a.ts": `import { Type } from "@sinclair/typebox";\nexport const a = 1;\n`,
    "/core/b.ts": `import {\n  hash,\n} from "@node-rs/argon2";\nexport { lookup } from "node:dns/promises";\n`,
  };
  const read = (path: string) => files[path] ?? null;

  test("finds a forbidden import two hops away, multi-line and re-exported", () => {
    const graph = walkImports(["/core/index.ts"], read);
    expect(graph.modules.sort()).toEqual(["/core/a.ts", "/core/b.ts", "/core/index.ts"]);
    expect(graph.bare).toEqual(new Set(["@sinclair/typebox", "@node-rs/argon2", "node:dns/promises"]));
    expect(graph.problems).toEqual([
      `/core/b.ts: native module: put the adapter in packages/drivers: imports "@node-rs/argon2"`,
      `/core/b.ts: I/O: put it behind a port: imports "node:dns/promises"`,
    ]);
  });

  test("flags each forbidden module family and I/O or HTTP in the text", () => {
    const imports = ["jose", "@node-rs/bcrypt", "@libsql/client", "drizzle-orm/sqlite-core", "elysia", "node:fs", "fs", "node:http", "node:child_process", "bun:sqlite", "@geckoguard/drivers"];
    for (const name of imports) expect(violationsIn(`import x from "${name}";`)).toHaveLength(1);
    expect(violationsIn(`const m = await import("node:worker_threads");`)).toHaveLength(1);
    expect(violationsIn(`await fetch(url);`)).toEqual([`network call (fetch): "fetch("`]);
    expect(violationsIn(`Bun.file(path)`)).toHaveLength(1);
    expect(violationsIn(`return new Response(body);`)).toHaveLength(1);
    expect(violationsIn(`headers["Retry-After"] = "1";`)).toHaveLength(1);
    expect(violationsIn(`import { createHmac } from "node:crypto";\nimport { Type } from "@sinclair/typebox";`)).toEqual([]);
    expect(specifiersOf(` * so Elysia, the import's validator and the\n * OpenAPI document all see it`)).toEqual([]);
    expect(specifiersOf(`import "./side-effect.ts";\nexport * from "./b.ts";`)).toEqual(["./b.ts", "./side-effect.ts"]);
  });

  test("a relative import that leads nowhere is reported", () => {
    expect(walkImports(["/core/missing.ts"], read).problems).toEqual(["/core/missing.ts: imported but not found"]);
  });
});
