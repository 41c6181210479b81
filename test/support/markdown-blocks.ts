import { readFileSync } from "node:fs";

/** The bodies of the fenced code blocks of `language` in a Markdown file, in order. */
export function codeBlocks(markdownPath: string, language: string): string[] {
  const text = readFileSync(markdownPath, "utf8");
  const fence = new RegExp("^```" + language + "\\n([\\s\\S]*?)^```$", "gm");
  return [...text.matchAll(fence)].map((match) => match[1]!);
}
