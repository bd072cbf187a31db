import type { Env } from "@/lib/config";

/**
 * Whether anyone is paged out of hours (e-mail or webhook alerts): the only thing that lets the safety
 * reply tell a youth that staff have been told. Never say it when it is not true.
 */
export function isOnCallPagingConfigured(env: Pick<Env, "SOUDAN_SMTP_URL" | "SOUDAN_ALERT_WEBHOOK_URL">): boolean {
  return Boolean(env.SOUDAN_SMTP_URL || env.SOUDAN_ALERT_WEBHOOK_URL);
}
