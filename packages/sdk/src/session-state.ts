import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/**
 * The session a launch of the app holds, kept in a small JSON file so the next launch
 * resumes it (a heartbeat) instead of opening another one. It names the server and the
 * license by hash only: no API key, no license key. Written atomically (a temporary file
 * renamed over it), readable by the user only.
 */
export interface SessionState {
  version: 1;
  /** The server's authorize URL, so a file never resumes against another server. */
  server: string;
  /** hex(sha256(licenseKey)): the license it belongs to, without the key itself. */
  licenseKeySha256: string;
  sessionId: string;
  /** When the session expires unless extended (the last answer's `session.expiresAt`). */
  expiresAt: string;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Where state files go when `stateFile` is not given: the user's state directory
 * (`$XDG_STATE_HOME` or `~/.local/state` on Linux and BSD, `~/Library/Application Support`
 * on macOS, `%LOCALAPPDATA%` on Windows), under `geckoguard/`.
 */
export function defaultStateDirectory(env: Record<string, string | undefined> = process.env, platform: string = process.platform): string {
  if (platform === "win32") return join(env.LOCALAPPDATA ?? join(homedir(), "AppData", "Local"), "geckoguard");
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "geckoguard");
  return join(env.XDG_STATE_HOME || join(homedir(), ".local", "state"), "geckoguard");
}

/** The default file of one license on one server: `<state dir>/session-<16 hex>.json`. */
export function defaultStateFile(server: string, licenseKey: string): string {
  return join(defaultStateDirectory(), `session-${sha256Hex(`${server}\n${licenseKey}`).slice(0, 16)}.json`);
}

/** The saved session of this license on this server; null when absent, unreadable or another's. */
export function readSessionState(file: string, server: string, licenseKey: string): SessionState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  const state = parsed as Partial<SessionState> | null;
  if (state === null || typeof state !== "object" || state.version !== 1) return null;
  if (state.server !== server || state.licenseKeySha256 !== sha256Hex(licenseKey)) return null;
  if (typeof state.sessionId !== "string" || !/^[0-9a-f-]{36}$/i.test(state.sessionId) || typeof state.expiresAt !== "string") return null;
  return state as SessionState;
}

/** Replaces the file in one rename, so a crash mid-write leaves the old file or the new one. */
export function writeSessionState(file: string, state: SessionState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function removeSessionState(file: string): void {
  rmSync(file, { force: true });
}
