import { SemVer } from "semver";

/**
 * Semver 2.0 through the `semver` package (docs/decisions.md): parsing, and precedence
 * with pre-releases (1.0.0-alpha < 1.0.0-beta < 1.0.0) and build metadata ignored.
 */
export type ParsedVersion = SemVer;

/** The version parsed (a leading `v` allowed), or null when it is not semver 2.0. */
export function parseVersion(text: string): ParsedVersion | null {
  if (text.length > 256) return null;
  try {
    return new SemVer(text);
  } catch {
    return null;
  }
}

/** The stored form: major.minor.patch[-pre-release], build metadata dropped. */
export const normalizedVersion = (parsed: ParsedVersion): string => parsed.version;

/** Negative when a precedes b, 0 when equal in precedence, positive when a is newer. */
export const compareVersions = (a: ParsedVersion, b: ParsedVersion): number => a.compare(b);

const appVersions = new Map<string, ParsedVersion | null>();

/** An app's reported version, parsed once per distinct text (apps report few distinct versions). */
export function parseAppVersion(text: string): ParsedVersion | null {
  let parsed = appVersions.get(text);
  if (parsed === undefined) {
    if (appVersions.size >= 10_000) appVersions.clear();
    parsed = parseVersion(text);
    appVersions.set(text, parsed);
  }
  return parsed;
}
