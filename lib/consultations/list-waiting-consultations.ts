import { asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, youths } from "@/db/schema";
import { earlierAtRisk } from "./earlier-at-risk";
import { isWaiting } from "./phase";
import { summarizeIntakes } from "./summarize-intakes";

export type QueueItem = Awaited<ReturnType<typeof listWaitingConsultations>>[number];


/**
 * The queue: waiting consultations, higher priority first, then longest waiting. No message content:
 * the queue shows who is waiting and how urgently (and the intake's choices, in the labels of the
 * version the youth answered), the conversation is read after the claim.
 */
export async function listWaitingConsultations(tx: DbOrTx) {
  const rows = await tx
    .select({
      id: consultations.id,
      pseudonym: youths.pseudonym,
      channel: consultations.channel,
      priority: consultations.priority,
      openedAt: consultations.openedAt,
      lastYouthMessageAt: consultations.lastYouthMessageAt,
      intake: consultations.intake,
      intakeVersionId: consultations.intakeVersionId,
      intakeAnswered: sql<boolean>`${consultations.intakeAnsweredAt} is not null`,
      earlierAtRisk: earlierAtRisk(),
      earlierCount: sql<number>`(select count(*)::int from consultations e where e.youth_id = "consultations"."youth_id" and e.status = 'closed')`,
    })
    .from(consultations)
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .where(isWaiting())
    .orderBy(desc(consultations.priority), asc(consultations.openedAt));
  const summaries = await summarizeIntakes(tx, rows);
  return rows.map((row, i) => ({
    id: row.id,
    pseudonym: row.pseudonym,
    channel: row.channel,
    priority: row.priority,
    openedAt: row.openedAt,
    lastYouthMessageAt: row.lastYouthMessageAt,
    earlierCount: row.earlierCount,
    earlierAtRisk: row.earlierAtRisk,
    intakeAnswered: row.intakeAnswered,
    intake: summaries[i]!,
  }));
}
