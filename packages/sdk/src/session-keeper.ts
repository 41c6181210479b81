import type { AuthorizeResult, ReleaseResult, SessionHandle } from "./answer.ts";
import type { AuthorizeInput } from "./client.ts";
import { defaultStateFile, readSessionState, removeSessionState as removeFile, sha256Hex, writeSessionState as writeFile, type SessionState } from "./session-state.ts";

/**
 * The file only spares the next launch a new session: a read-only or full disk must not
 * turn a valid answer into an error, so writing it is best effort.
 */
function writeSessionState(file: string, state: SessionState): void {
  try {
    writeFile(file, state);
  } catch {}
}
function removeSessionState(file: string): void {
  try {
    removeFile(file);
  } catch {}
}

/** The raw signed calls the keeper builds on. */
export interface SessionCalls {
  authorize(input: AuthorizeInput): Promise<AuthorizeResult>;
  heartbeat(session: SessionHandle): Promise<AuthorizeResult>;
  release(session: SessionHandle): Promise<ReleaseResult>;
}

/**
 * One launch's session, kept across launches in a state file: `start` resumes the saved
 * session with a heartbeat (or opens one when there is none or the server refuses it),
 * heartbeats keep the file's expiry current, and `close` releases the session and removes
 * the file. A crash leaves the file, so the next launch resumes the same session.
 */
export function sessionKeeper(calls: SessionCalls, options: { server: string; stateFile?: string }) {
  let held: { file: string; handle: SessionHandle } | null = null;
  const fileFor = (licenseKey: string) => options.stateFile ?? defaultStateFile(options.server, licenseKey);

  /** Saves (or forgets) what an answer says about the held session. */
  function remember(file: string, result: AuthorizeResult): void {
    if (result.ok) {
      held = { file, handle: result.handle };
      const { licenseKey, sessionId } = result.handle;
      writeSessionState(file, { version: 1, server: options.server, licenseKeySha256: sha256Hex(licenseKey), sessionId, expiresAt: result.session.expiresAt });
    } else if (result.kind === "denied") {
      // The server refused the session (killed, expired, license gone): nothing to resume.
      held = null;
      removeSessionState(file);
    }
  }

  return {
    /** The session `start` holds (null before, or after `close`). */
    held: (): SessionHandle | null => held?.handle ?? null,
    async start(input: AuthorizeInput): Promise<AuthorizeResult> {
      const file = fileFor(input.licenseKey);
      const saved = readSessionState(file, options.server, input.licenseKey);
      if (saved !== null) {
        const resumed = await calls.heartbeat({ ...input, sessionId: saved.sessionId });
        // Not refused (offline, unverifiable, an integration fault): the session may well be
        // live, so the file stays for next time and no second session is opened beside it.
        if (resumed.ok || resumed.kind !== "denied") {
          if (resumed.ok) remember(file, resumed);
          return resumed;
        }
        removeSessionState(file); // refused (killed, expired, unknown): fall back to a new session
      }
      const opened = await calls.authorize(input);
      remember(file, opened);
      return opened;
    },
    async heartbeat(session: SessionHandle): Promise<AuthorizeResult> {
      const result = await calls.heartbeat(session);
      if (held !== null && held.handle.sessionId === session.sessionId) remember(held.file, result);
      return result;
    },
    /** Releases the held session; null when this client holds none. */
    async close(): Promise<ReleaseResult | null> {
      if (held === null) return null;
      const { file, handle } = held;
      const result = await calls.release(handle);
      // Released, or the server says it is not this license's live session any more: done with
      // it. Otherwise (offline) the file stays, and the next launch resumes or replaces it.
      if (result.ok || result.kind === "denied") {
        held = null;
        removeSessionState(file);
      }
      return result;
    },
  };
}
