import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { encryptField, type Keyring } from "@/lib/crypto";
import { buildFiscalYearPreset, listOpeningsBetweenDates } from "@/lib/schedule";

export interface ReportDatasetOptions {
  fiscalYear: number;
  consultations: number;
  /** Exactly this many per consultation, alternating youth and counselor: 10 × 100,000 = 1,000,000. */
  messagesPerConsultation: number;
  /** Staff ids that hold and close the consultations (counselors). */
  counselorIds: string[];
  keyring: Keyring;
  /** Rows per INSERT: large enough to be fast, small enough for PGlite's memory. */
  chunk?: number;
  onProgress?: (done: number) => void;
}

/**
 * The report benchmark's dataset: a fiscal year of consultations, messages and records, bulk-inserted
 * with INSERT … SELECT over generate_series. It bypasses the domain functions on purpose (100,000
 * consultations through them would take hours; `npm run demo:history` is the realistic path) and
 * reuses one ciphertext per kind of text, which only a benchmark may do. Choices come from hashtext()
 * of the row number, so the same options give the same data on PostgreSQL and PGlite. 90% of
 * consultations arrive in the fiscal year's staffed sessions (the demo preset), the rest at any hour.
 */
export async function insertReportDataset(db: Db, options: ReportDatasetOptions): Promise<{ youths: number; consultations: number; messages: number; records: number }> {
  const schedule = buildFiscalYearPreset(options.fiscalYear);
  const sessions = listOpeningsBetweenDates(schedule, schedule.servicePeriod.from, schedule.servicePeriod.to).map((s) => s.start.toISOString());
  const yearStart = new Date(`${options.fiscalYear}-04-01T00:00:00+09:00`).toISOString();
  const youths = Math.max(1, Math.floor(options.consultations / 3));
  const chunk = options.chunk ?? 5_000;
  const text = (value: string) => encryptField(options.keyring, value);
  const sessionArray = `{${sessions.join(",")}}`;
  const counselorArray = `{${options.counselorIds.join(",")}}`;

  for (let from = 1; from <= youths; from += chunk) {
    const to = Math.min(youths, from + chunk - 1);
    await db.execute(sql`
      insert into youths (id, line_user_hash, line_user_id_enc, pseudonym, following, created_at)
      select md5('bench-youth-' || i)::uuid, 'bench-' || i, ${text("Ubench")}, '相談者-B' || i, (abs(hashtext('follow' || i)) % 10) <> 0, ${yearStart}::timestamptz
      from generate_series(${from}::int, ${to}::int) i`);
  }

  let records = 0;
  for (let from = 1; from <= options.consultations; from += chunk) {
    const to = Math.min(options.consultations, from + chunk - 1);
    await db.execute(sql`
      insert into consultations (id, youth_id, status, channel, opened_at, last_youth_message_at, claimed_at, closed_at, assigned_to, closed_by, priority, close_reason)
      select md5('bench-consultation-' || i)::uuid,
             md5('bench-youth-' || (1 + abs(hashtext('youth' || i)) % ${youths}::int))::uuid,
             'closed',
             (case when abs(hashtext('channel' || i)) % 10 < 4 then 'line' else 'secure_chat' end)::consultation_channel,
             opened, opened + interval '30 minutes', opened + (1 + abs(hashtext('wait' || i)) % 20) * interval '1 minute',
             opened + (25 + abs(hashtext('length' || i)) % 60) * interval '1 minute',
             counselor, case when reason = 'completed' then counselor end,
             case when abs(hashtext('risk' || i)) % 100 < 3 then 2 else 0 end,
             reason::consultation_close_reason
      from (
        select i,
               case when abs(hashtext('hours' || i)) % 10 < 9
                    then (${sessionArray}::timestamptz[])[1 + abs(hashtext('session' || i)) % ${sessions.length}::int] + (abs(hashtext('minute' || i)) % 230) * interval '1 minute'
                    else ${yearStart}::timestamptz + (abs(hashtext('anytime' || i)) % 525600) * interval '1 minute' end as opened,
               (${counselorArray}::uuid[])[1 + i % ${options.counselorIds.length}::int] as counselor,
               case when abs(hashtext('end' || i)) % 100 < 85 then 'completed' when abs(hashtext('end' || i)) % 100 < 92 then 'youth_ended'
                    when abs(hashtext('end' || i)) % 100 < 96 then 'abandoned' else 'inactive' end as reason
        from generate_series(${from}::int, ${to}::int) i
      ) s`);
    await db.execute(sql`
      insert into consultation_messages (consultation_id, sender, kind, body_enc, via, sent_at, author_id)
      select c.id, case when j % 2 = 1 then 'youth' else 'counselor' end::message_sender, 'text', case when j % 2 = 1 then ${text("相談したいです")} else ${text("話してくれてありがとう。")} end,
             c.channel, c.opened_at + (j - 1) * interval '3 minutes', case when j % 2 = 0 then c.assigned_to end
      from generate_series(${from}::int, ${to}::int) i
      join consultations c on c.id = md5('bench-consultation-' || i)::uuid
      cross join generate_series(1, ${options.messagesPerConsultation}::int) j`);
    const inserted = await db.execute(sql`
      insert into consultation_records (consultation_id, age_band, gender, topics, content_summary_enc, response_summary_enc, outcome, emergency, consent_to_share, out_of_scope, finalized_at, updated_at, updated_by)
      select c.id,
             (array['elementary','junior_high','high_school','young_adult','out_of_range','unknown'])[1 + abs(hashtext('age' || i)) % 6],
             (array['female','male','other','unknown'])[1 + abs(hashtext('gender' || i)) % 4],
             array[(array['abuse','truancy','bullying','developmental','young_carer','family','friends','school','health','sexuality','other'])[1 + abs(hashtext('topic' || i)) % 11]],
             ${text("相談内容の要約")}, ${text("対応内容の要約")},
             (case when c.priority = 2 then 'emergency' else (array['advice','advice','advice','referral','phone','continued','ended_by_youth'])[1 + abs(hashtext('outcome' || i)) % 7] end)::record_outcome,
             c.priority = 2, false, abs(hashtext('scope' || i)) % 50 = 0, c.closed_at, c.closed_at, c.closed_by
      from generate_series(${from}::int, ${to}::int) i
      join consultations c on c.id = md5('bench-consultation-' || i)::uuid
      where c.close_reason = 'completed'
      returning consultation_id`);
    records += (Array.isArray(inserted) ? inserted : ((inserted as { rows?: unknown[] }).rows ?? [])).length;
    options.onProgress?.(to);
  }
  return { youths, consultations: options.consultations, messages: options.consultations * options.messagesPerConsultation, records };
}
