import type { Api } from "./http-client.ts";
import { PASSWORD, uniqueEmail } from "./accounts.ts";
import { authorizeCall } from "./signed-authorize.ts";

/** One write request of the load and what it was answered (status undefined: no answer). */
export type Write =
  | { kind: "create"; note: string; status?: number; licenseId?: string }
  | { kind: "register"; email: string; status?: number }
  | { kind: "open"; license: { id: string; key: string }; hwid: string; status?: number; sessionId?: string; expiresAt?: string }
  | { kind: "heartbeat"; license: { id: string; key: string }; hwid: string; sessionId: string; status?: number; expiresAt?: string };

export interface LoadTarget {
  api: Api;
  baseUrl: string;
  token: string;
  orgId: string;
  productId: string;
  apiKey: string;
  /** Licenses never authorized yet; each worker takes from the end. */
  unused: { id: string; key: string }[];
}

/**
 * One client that writes in a loop until its first connection error: license creation
 * (quick, one transaction), registration (argon2 on a thread pool: it is still running
 * across event-loop turns), a first authorize (binds an HWID, opens a session) and a
 * heartbeat (kept by the write-behind until its flush). Every write is pushed to `log`.
 */
export async function writeUntilRefused(target: LoadTarget, worker: number, log: Write[], onAnswer: () => void): Promise<void> {
  const opened: Extract<Write, { kind: "open" }>[] = [];
  for (let n = 0; ; n++) {
    const turn = n % 4;
    const previous = opened[n % Math.max(opened.length, 1)];
    let write: Write;
    if (turn === 0) write = { kind: "create", note: `w${worker}-n${n}` };
    else if (turn === 1) write = { kind: "register", email: uniqueEmail(`w${worker}`) };
    else if (turn === 2 || previous === undefined) {
      const license = target.unused.pop();
      if (license === undefined) return;
      write = { kind: "open", license, hwid: `hw-w${worker}-n${n}` };
    } else write = { kind: "heartbeat", license: previous.license, hwid: previous.hwid, sessionId: previous.sessionId! };
    log.push(write);
    try {
      if (write.kind === "create") {
        const created = await target.api("POST", `/v1/dashboard/orgs/${target.orgId}/licenses`, { token: target.token, body: { productId: target.productId, note: write.note } });
        write.licenseId = created.body?.data?.licenses?.[0]?.id;
        write.status = created.status;
      } else if (write.kind === "register") {
        write.status = (await target.api("POST", "/v1/auth/register", { body: { email: write.email, password: PASSWORD } })).status;
      } else {
        const body = write.kind === "open" ? { licenseKey: write.license.key, hwid: write.hwid } : { licenseKey: write.license.key, hwid: write.hwid, sessionId: write.sessionId };
        const answer = await authorizeCall(target.baseUrl, target.apiKey, body);
        write.expiresAt = answer.body?.data?.session?.expiresAt;
        if (write.kind === "open") write.sessionId = answer.body?.data?.session?.id;
        write.status = answer.status;
        if (write.kind === "open" && answer.status === 200) opened.push(write);
      }
      onAnswer();
    } catch {
      return; // the server no longer takes connections
    }
  }
}
