import type { Env } from "@/lib/config";

/** What the admin page says about delivery: which servers, never their credentials or a webhook's secret path. */
export function describeAlertChannels(config: Pick<Env, "SOUDAN_SMTP_URL" | "SOUDAN_ALERT_WEBHOOK_URL" | "SOUDAN_ALERT_EMAIL_TO" | "SOUDAN_ALERT_RESEND_MINUTES">) {
  const smtp = config.SOUDAN_SMTP_URL ? new URL(config.SOUDAN_SMTP_URL) : null;
  return {
    smtp: smtp ? `${smtp.hostname}:${smtp.port || (smtp.protocol === "smtps:" ? 465 : 587)}` : null,
    webhook: config.SOUDAN_ALERT_WEBHOOK_URL ? new URL(config.SOUDAN_ALERT_WEBHOOK_URL).host : null,
    defaultRecipients: config.SOUDAN_ALERT_EMAIL_TO.length,
    resendMinutes: config.SOUDAN_ALERT_RESEND_MINUTES,
  };
}
