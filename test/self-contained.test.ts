import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A fresh clone must be all a maintainer needs: nothing may read a document that lives
 * beside the repository, and every rule a comment points at must be written in docs/.
 */

const ROOT = join(import.meta.dir, "..");
const THIS_FILE = "test/self-contained.test.ts";

/** Tracked files, without the CI machinery (.ci/) and this test, which names the patterns. */
function trackedFiles(): string[] {
  const listing = Bun.spawnSync(["git", "ls-files", "-z"], { cwd: ROOT });
  if (!listing.success) throw new Error(`git ls-files failed: ${listing.stderr.toString()}`);
  return listing.stdout
    .toString()
    .split("\0")
    .filter((path) => path !== "" && !path.startsWith(".ci/") && path !== THIS_FILE && existsSync(join(ROOT, path)));
}

function textOf(path: string): string | null {
  const bytes = readFileSync(join(ROOT, path));
  return bytes.includes(0) ? null : bytes.toString("utf8");
}

/** What reading or citing a document outside the repository looks like. */
const OUTSIDE = [
  { pattern: /\.\.\/shared\//, what: "a relative path into the folder beside the repository" },
  { pattern: /\/work\/shared/, what: "an absolute path to the shared folder" },
  { pattern: /shared\/reference/, what: "the API reference beside the repository" },
  { pattern: /api-reference\.txt/, what: "the API reference's file" },
  { pattern: /CONTRACT\.md/, what: "the contract document" },
  { pattern: /\bCONTRACT\b/, what: "a citation of the contract (point at docs/*.md instead)" },
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(docPath: string): Set<string> {
  let anchors = anchorCache.get(docPath);
  if (anchors !== undefined) return anchors;
  anchors = new Set();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of readFileSync(join(ROOT, docPath), "utf8").split("\n")) {
    if (line.startsWith("```")) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6} (.+)$/.exec(line);
    if (heading === null) continue;
    const base = slug(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  anchorCache.set(docPath, anchors);
  return anchors;
}

/** `docs/x.md#y` anywhere, and `](x.md#y)` links inside docs/: the file and heading must exist. */
function brokenPointers(path: string, text: string): string[] {
  const pointers = [...text.matchAll(/docs\/([\w.-]+\.md)(?:#([\w-]+))?/g)].map((m) => ({ doc: `docs/${m[1]}`, anchor: m[2], raw: m[0] }));
  if (path.startsWith("docs/") && path.endsWith(".md")) {
    for (const m of text.matchAll(/\]\(([\w.-]+\.md)(?:#([\w-]+))?\)/g)) pointers.push({ doc: `docs/${m[1]}`, anchor: m[2], raw: m[0] });
  }
  const broken: string[] = [];
  for (const { doc, anchor, raw } of pointers) {
    if (!existsSync(join(ROOT, doc))) broken.push(`${path}: ${raw} (no such file)`);
    else if (anchor !== undefined && !anchorsOf(doc).has(anchor)) broken.push(`${path}: ${raw} (no such heading in ${doc})`);
  }
  return broken;
}

describe("the repository is self-contained", () => {
  const files = trackedFiles();
  const texts = files.flatMap((path) => {
    const text = textOf(path);
    return text === null ? [] : [{ path, text }];
  });

  test("it scans the tracked sources and docs", () => {
    const paths = texts.map((file) => file.path);
    expect(paths).toContain("docs/licenses.md");
    expect(paths).toContain("packages/core/src/licenses/state.ts");
    expect(paths).toContain("test/support/reference-routes.data.ts");
  });

  test("no tracked file reads or cites a document outside the repository", () => {
    const problems: string[] = [];
    for (const { path, text } of texts) {
      text.split("\n").forEach((line, index) => {
        for (const { pattern, what } of OUTSIDE) if (pattern.test(line)) problems.push(`${path}:${index + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(problems).toEqual([]);
  });

  test("every pointer into docs/ names a file and heading that exist", () => {
    expect(texts.flatMap(({ path, text }) => brokenPointers(path, text))).toEqual([]);
  });
});
