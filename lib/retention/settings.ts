import { subDays, subMonths } from "date-fns";

/**
 * How long what was said is kept. Payloads of the LINE inbox and outbox are only needed to process and
 * send; consultation content is kept for continuity (earlier consultations) and inspection (R20) until
 * `contentMonths` after the consultation closed. 0 months keeps it until the contract's destruction.
 */
export interface RetentionSettings {
  payloadDays: number;
  contentMonths: number;
}

export function retentionSettingsOf(env: { SOUDAN_RETENTION_PAYLOAD_DAYS: number; SOUDAN_RETENTION_CONTENT_MONTHS: number }): RetentionSettings {
  return { payloadDays: env.SOUDAN_RETENTION_PAYLOAD_DAYS, contentMonths: env.SOUDAN_RETENTION_CONTENT_MONTHS };
}

export interface RetentionCutoffs {
  /** Inbox events processed and outbox calls settled before this lose their payload. */
  payloadCutoff: Date;
  /** Consultations closed before this lose their content; null when content is kept until destruction. */
  contentCutoff: Date | null;
}

export function retentionCutoffs(settings: RetentionSettings, at: Date): RetentionCutoffs {
  return {
    payloadCutoff: subDays(at, settings.payloadDays),
    contentCutoff: settings.contentMonths === 0 ? null : subMonths(at, settings.contentMonths),
  };
}
