import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { retentionRuns } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { purgeConsultationContent } from "./purge-consultation-content";
import { purgeLinePayloads } from "./purge-line-payloads";
import { purgeSurveyComments } from "./purge-survey-comments";
import { retentionCutoffs, type RetentionSettings } from "./settings";

/** Every kind a purge erases, in the order the admin page and the command line list them. */
export const purgeKinds = [
  "inboxPayloads",
  "outboxPayloads",
  "consultations",
  "messages",
  "internalNotes",
  "records",
  "consents",
  "sharingExceptions",
  "safetyPlans",
  "emergencies",
  "emergencyContacts",
  "surveyComments",
] as const;
export type PurgeKind = (typeof purgeKinds)[number];
export type PurgeCounts = Record<PurgeKind, number>;

export interface PurgeResult {
  counts: PurgeCounts;
  payloadCutoff: Date;
  contentCutoff: Date | null;
  dryRun: boolean;
}

/** An arbitrary constant: purges from several instances (or the command line) run one at a time. */
const RETENTION_LOCK_KEY = 0x50_0d_a5;

class DryRun extends Error {
  constructor(readonly result: PurgeResult) {
    super("dry run");
  }
}

const noContent = { consultations: 0, messages: 0, internalNotes: 0, records: 0, consents: 0, sharingExceptions: 0, safetyPlans: 0, emergencies: 0, emergencyContacts: 0, surveyComments: 0 };

/**
 * Erases what has outlived its retention period (see settings.ts), in one transaction under a lock,
 * so two instances purging at once erase each row once and the second finds nothing left. A purge
 * that erased something, and every purge run by hand, is recorded in retention_runs and audited with
 * its counts per kind, never content. A dry run does the same work and rolls it back, so the counts
 * it prints are exactly what a real run would erase.
 */
export async function purgeExpiredData(
  db: Db,
  { at, settings, trigger, dryRun = false }: { at: Date; settings: RetentionSettings; trigger: "schedule" | "command"; dryRun?: boolean },
): Promise<PurgeResult> {
  const { payloadCutoff, contentCutoff } = retentionCutoffs(settings, at);
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK_KEY})`);
      const payloads = await purgeLinePayloads(tx, { cutoff: payloadCutoff, at });
      const content = contentCutoff ? { ...(await purgeConsultationContent(tx, { cutoff: contentCutoff, at })), ...(await purgeSurveyComments(tx, { cutoff: contentCutoff })) } : noContent;
      const counts: PurgeCounts = { ...payloads, ...content };
      const result: PurgeResult = { counts, payloadCutoff, contentCutoff, dryRun };
      if (dryRun) throw new DryRun(result);
      const erased = Object.values(counts).some((n) => n > 0);
      if (erased || trigger === "command") {
        await tx.insert(retentionRuns).values({ ranAt: at, trigger, payloadCutoff, contentCutoff, counts });
        await appendAudit(tx, {
          action: "retention.purged",
          actorLabel: trigger === "command" ? "command line" : "system",
          details: { trigger, counts, payloadCutoff: payloadCutoff.toISOString(), contentCutoff: contentCutoff?.toISOString() ?? null },
        });
      }
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}
