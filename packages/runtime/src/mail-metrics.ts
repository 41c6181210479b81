import type { MailSender } from "@geckoguard/core";
import type { MetricsSource } from "@geckoguard/elysia";

/** The mail sender's counters as one family source of the runtime's metrics registry (docs/mail.md). */
export function mailMetrics(sender: MailSender): MetricsSource {
  return {
    lines() {
      const s = sender.stats();
      const series: [name: string, type: string, help: string, value: number][] = [
        ["geckoguard_mail_sent_total", "counter", "Mails the SMTP server accepted.", s.sent],
        ["geckoguard_mail_failed_total", "counter", "Mail attempts that failed (each is retried until the last).", s.failed],
        ["geckoguard_mail_retried_total", "counter", "Mail attempts that were retries.", s.retried],
        ["geckoguard_mail_given_up_total", "counter", "Mails given up after their last attempt.", s.givenUp],
        ["geckoguard_mail_queue_depth", "gauge", "Mails waiting to be sent (at the sender's last poll).", s.queueDepth],
      ];
      return series.flatMap(([name, type, help, value]) => [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`]);
    },
  };
}
