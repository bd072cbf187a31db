import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

/**
 * What an alert tells: the kind, the level, when, the pseudonym and where to look. Nothing else exists
 * in it to leak: no message, no LINE id, no youth row id (the link names the consultation only).
 */
const consultationAlertPayload = z.object({
  kind: z.enum(["risk", "emergency"]),
  level: z.enum(["concern", "high"]),
  raisedAt: z.iso.datetime(),
  pseudonym: z.string().regex(/^相談者-[0-9A-Z]{5}$/),
  url: z.url(),
  /** 1 for the first sending, 2 for the first re-send … */
  sending: z.number().int().min(1),
});

/** About the service, not a youth: what happened, when, and the admin page to look at. */
const operationalAlertPayload = z.object({
  kind: z.enum(["line_quota_80", "line_quota_95", "line_monthly_limit"]),
  raisedAt: z.iso.datetime(),
  url: z.url(),
});

export const alertPayloadSchema = z.union([consultationAlertPayload, operationalAlertPayload]);
export type AlertPayload = z.infer<typeof alertPayloadSchema>;

const jst = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

export function formatAlertTime(at: Date): string {
  return jst.format(at);
}

function isOperational(p: AlertPayload): p is z.infer<typeof operationalAlertPayload> {
  return !("pseudonym" in p);
}

function headline(p: AlertPayload): string {
  if (isOperational(p)) return ja.alerts.operational[p.kind];
  return `${ja.alerts.headline[p.kind]}（${ja.alerts.level[p.level]}）${p.sending > 1 ? ja.alerts.resent(p.sending - 1) : ""}`;
}

function lines(p: AlertPayload): string[] {
  if (isOperational(p)) return [`${ja.alerts.fields.time}: ${formatAlertTime(new Date(p.raisedAt))}`, `${ja.alerts.fields.adminLink}: ${p.url}`];
  return [
    `${ja.alerts.fields.level}: ${ja.alerts.level[p.level]}`,
    `${ja.alerts.fields.time}: ${formatAlertTime(new Date(p.raisedAt))}`,
    `${ja.alerts.fields.pseudonym}: ${p.pseudonym}`,
    `${ja.alerts.fields.link}: ${p.url}`,
  ];
}

export function renderAlertEmail(p: AlertPayload): { subject: string; text: string } {
  const footer = isOperational(p) ? ja.alerts.operationalFooter : ja.alerts.emailFooter;
  return { subject: `【${ja.appName}】${headline(p)}`, text: [headline(p), "", ...lines(p), "", footer].join("\n") };
}

/**
 * Slack and Teams incoming webhooks show `text`; the other fields are there for a receiver that
 * routes or files alerts itself.
 */
export function renderAlertWebhookBody(p: AlertPayload): string {
  if (isOperational(p)) {
    return JSON.stringify({ text: [headline(p), ...lines(p)].join("\n"), kind: p.kind, raisedAt: p.raisedAt, raisedAtJst: formatAlertTime(new Date(p.raisedAt)), url: p.url });
  }
  return JSON.stringify({
    text: [headline(p), ...lines(p)].join("\n"),
    kind: p.kind,
    level: p.level,
    raisedAt: p.raisedAt,
    raisedAtJst: formatAlertTime(new Date(p.raisedAt)),
    pseudonym: p.pseudonym,
    url: p.url,
    sending: p.sending,
  });
}
