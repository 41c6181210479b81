import { failure, type AuthorizeFailure } from "./errors.ts";
import { interpretSigned, isRecord, type RawAnswer } from "./answer.ts";

/** What the licensed app receives besides its verdict (docs/variables.md, docs/versions.md). */

export const VARIABLES_PATH = "/v1/licenses/variables";
export const LATEST_VERSION_PATH = "/v1/licenses/versions/latest";

/** The license's variables: its overrides over the product's values, secret ones included. */
export interface Variables {
  ok: true;
  variables: Record<string, string>;
}
export type VariablesResult = Variables | AuthorizeFailure;

export interface LatestVersion {
  version: string;
  channel: string;
  notes: string | null;
  releasedAt: string;
  fileId: string | null;
}

/** The newest version of the license's channels, whether it is newer than the app's, and whether the license may install it. */
export interface UpdateCheck {
  ok: true;
  latest: LatestVersion | null;
  updateAvailable: boolean;
  /** False when the latest version was released after the license's updatesUntil. */
  entitled: boolean;
}
export type UpdateCheckResult = UpdateCheck | AuthorizeFailure;

export interface UpdateCheckOptions {
  /** The running version (semver); default: the `appVersion` the session was started with. */
  currentVersion?: string;
  /** One of the license's channels; default: all of them. */
  channel?: string;
}

/** Turns a variables answer into a typed result; every value must be a string. */
export function interpretVariablesAnswer(answer: RawAnswer, nowMs: number): VariablesResult {
  return interpretSigned<Variables>(answer, nowMs, (data, status) => {
    const variables = data?.variables;
    if (!isRecord(variables) || !Object.values(variables).every((value) => typeof value === "string")) {
      return failure("INVALID_RESPONSE", "success answer lacks variables of string values", { status });
    }
    return { ok: true, variables: variables as Record<string, string> };
  });
}

function isLatest(value: unknown): value is LatestVersion {
  return (
    isRecord(value) &&
    typeof value.version === "string" &&
    typeof value.channel === "string" &&
    typeof value.releasedAt === "string" &&
    (value.notes === null || typeof value.notes === "string") &&
    (value.fileId === null || typeof value.fileId === "string")
  );
}

/** Turns a latest-version answer into a typed result. */
export function interpretLatestVersionAnswer(answer: RawAnswer, nowMs: number): UpdateCheckResult {
  return interpretSigned<UpdateCheck>(answer, nowMs, (data, status) => {
    if (!data || !(data.latest === null || isLatest(data.latest)) || typeof data.updateAvailable !== "boolean" || typeof data.entitled !== "boolean") {
      return failure("INVALID_RESPONSE", "success answer lacks latest, updateAvailable or entitled", { status });
    }
    const latest = data.latest === null ? null : { version: data.latest.version, channel: data.latest.channel, notes: data.latest.notes, releasedAt: data.latest.releasedAt, fileId: data.latest.fileId };
    return { ok: true, latest, updateAvailable: data.updateAvailable, entitled: data.entitled };
  });
}
