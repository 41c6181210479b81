import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The published API reference this project implements (beside the repository). */
export const REFERENCE_PATH = join(import.meta.dir, "../../../shared/reference/api-reference.txt");

export type Credential = "public" | "jwt" | "apiKey" | "signedRequest";

export interface ReferenceRoute {
  method: string;
  /** As written in the reference, without a query string (`/v1/dashboard/products/:id`). */
  path: string;
  /** What the reference says the route takes. */
  credential: Credential;
}

const ROW = /^(GET|POST|PUT|PATCH|DELETE) \| (\S+) \| (.*?) \|$/;
const SCOPE = /^[a-z_]+:[a-z_]+$/;

/** The reference's words for a credential; the end-user portal (out of scope) gives null. */
function credentialOf(text: string): Credential | null {
  if (/HMAC/.test(text)) return "signedRequest";
  if (/^none/.test(text)) return "public";
  if (/^end-user JWT/.test(text)) return null;
  if (/^JWT/.test(text)) return "jwt";
  if (/^API key/.test(text)) return "apiKey";
  throw new Error(`Unknown credential in the reference: '${text}'`);
}

/** `/v1/products/:productId/*` → a RegExp over paths; other patterns match exactly. */
function prefixPattern(pattern: string): RegExp {
  const wildcard = pattern.endsWith("/*");
  const body = (wildcard ? pattern.slice(0, -2) : pattern).replace(/:[A-Za-z]+/g, "[^/]+");
  return new RegExp(`^${body}${wildcard ? "(/.*)?" : ""}$`);
}

interface AuthTableEntry {
  path: string;
  pattern: RegExp;
  exact: boolean;
  credential: Credential | null;
}

/** The "Endpoint prefix | Credential | Header" table at the top of the reference. */
function authTable(lines: string[]): AuthTableEntry[] {
  const start = lines.findIndex((line) => line.startsWith("| Endpoint prefix | Credential |"));
  if (start < 0) throw new Error("The reference's authentication table is missing");
  const rows: AuthTableEntry[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.includes(" | ")) break;
    const [prefixes = "", credential = ""] = line.split("|").map((cell) => cell.trim());
    for (const path of prefixes.match(/\/[^\s,()]+/g) ?? []) {
      rows.push({ path, pattern: prefixPattern(path), exact: !path.endsWith("/*"), credential: credentialOf(credential) });
    }
  }
  // Exact entries (`/v1/products/:id/api-keys`) win over the families that contain them.
  return rows.sort((a, b) => Number(b.exact) - Number(a.exact));
}

/**
 * Every row of the reference's endpoint tables ("GET | /v1/… | …"), with the credential
 * the reference gives it: the row's own Auth column, "API key" for a row that names a
 * scope, otherwise the authentication table's entry for its path.
 */
export function referenceRoutes(text = readFileSync(REFERENCE_PATH, "utf8")): ReferenceRoute[] {
  const lines = text.split("\n");
  const table = authTable(lines);
  const routes: ReferenceRoute[] = [];
  for (const line of lines) {
    const match = ROW.exec(line.trim());
    if (match === null) continue;
    const [, method, rawPath, third] = match as unknown as [string, string, string, string];
    const path = rawPath.split("?")[0]!;
    const column = third.trim();
    let credential: Credential | null;
    if (column === "API key") credential = "apiKey";
    else if (column === "JWT") credential = "jwt";
    else if (SCOPE.test(column)) credential = "apiKey";
    else {
      const entry = table.find((row) => row.pattern.test(path));
      if (entry === undefined) throw new Error(`No credential in the reference for ${method} ${path}`);
      credential = entry.credential;
    }
    if (credential !== null) routes.push({ method, path, credential });
  }
  return routes;
}

/** The authentication table's single paths (`/health`, `/v1/products/:id/api-keys`, …) and their credentials. */
export function referenceAuthPaths(text = readFileSync(REFERENCE_PATH, "utf8")): { path: string; credential: Credential }[] {
  return authTable(text.split("\n")).flatMap((entry) => (entry.exact && entry.credential !== null ? [{ path: entry.path, credential: entry.credential }] : []));
}
