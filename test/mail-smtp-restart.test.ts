import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiClient } from "./support/http-client.ts";
import { PASSWORD, uniqueEmail } from "./support/accounts.ts";
import { startSmtpCatcher } from "./support/smtp-catcher.ts";
import { startMailingServer } from "./support/mail-server.ts";

const dataDir = mkdtempSync(join(tmpdir(), "gg-mail-restart-"));
const smtp = await startSmtpCatcher();
afterAll(async () => {
  await smtp.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test(
  "mail queued while no sender ran goes out after the restart; two servers on one database send each mail once; a restart resends nothing",
  async () => {
    // First life: queue only (GG_MAIL_WORKER=0), then a hard kill.
    const first = await startMailingServer(smtp.url, { dataDir, env: { GG_MAIL_WORKER: "0" } });
    const early = uniqueEmail("early");
    expect((await apiClient(first.baseUrl)("POST", "/v1/auth/register", { body: { email: early, password: PASSWORD } })).status).toBe(201);
    first.process.kill(9);
    await first.process.exited;
    expect(smtp.received).toHaveLength(0);

    // Second life: two processes on the same database, both sending.
    const [second, third] = await Promise.all([startMailingServer(smtp.url, { dataDir }), startMailingServer(smtp.url, { dataDir })]);
    const emails = Array.from({ length: 20 }, () => uniqueEmail("pair"));
    try {
      await smtp.waitUntil((mail) => mail.to[0] === early);
      await Promise.all(
        emails.map((email, i) => apiClient((i % 2 === 0 ? second : third).baseUrl)("POST", "/v1/auth/register", { body: { email, password: PASSWORD } })),
      );
      await smtp.waitFor(21);
      await Bun.sleep(400); // room for a duplicate to show up, were there one
    } finally {
      await Promise.all([second.stop({ keepData: true }), third.stop({ keepData: true })]);
    }
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual([early, ...emails].sort());
    expect(new Set(smtp.received.map((mail) => mail.headers.get("message-id"))).size).toBe(21);

    // Third life: everything was sent, so nothing goes out again.
    const fourth = await startMailingServer(smtp.url, { dataDir });
    try {
      await Bun.sleep(400); // several poll periods (50 ms)
      expect(smtp.received).toHaveLength(21);
      const metrics = await (await fetch(fourth.baseUrl + "/metrics")).text();
      expect(metrics).toMatch(/^geckoguard_mail_queue_depth 0$/m);
      expect(metrics).toMatch(/^geckoguard_mail_sent_total 0$/m);
    } finally {
      await fourth.stop({ keepData: true });
    }
  },
  90_000, // five server starts and 21 argon2 sign-ups: generous for a loaded 2-core machine
);
