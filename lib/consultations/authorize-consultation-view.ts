import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationRecords, consultations, staff, youths } from "@/db/schema";
import { can } from "@/lib/auth";
import type { ConsoleActor } from "./actor";
import { earlierAtRisk } from "./earlier-at-risk";
import { ConsoleError } from "./errors";
import { phaseOf } from "./phase";
import { recordIsPending } from "./record-pending";

/**
 * Who may read a consultation: its holder, and supervisors (read-only unless they hold it). Nobody
 * else, whatever they can guess: a counselor never reads a conversation another counselor holds.
 * After it ended without a record, its last holder may still read it until the record is written.
 */
export async function authorizeConsultationView(tx: DbOrTx, consultationId: string, actor: ConsoleActor) {
  const [row] = await tx
    .select({ consultation: consultations, pseudonym: youths.pseudonym, holderName: staff.displayName, finalizedAt: consultationRecords.finalizedAt, earlierAtRisk: earlierAtRisk() })
    .from(consultations)
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .leftJoin(staff, eq(staff.id, consultations.assignedTo))
    .leftJoin(consultationRecords, eq(consultationRecords.consultationId, consultations.id))
    .where(eq(consultations.id, consultationId));
  if (!row) throw new ConsoleError("not_found");
  const phase = phaseOf(row.consultation);
  const lastHolder = row.consultation.assignedTo === actor.id;
  const holds = phase === "active" && lastHolder;
  const recordPending = recordIsPending(row.consultation, row.finalizedAt);
  const supervises = can(actor.role, "consultations.supervise");
  if (!holds && !(recordPending && lastHolder) && !supervises) throw new ConsoleError("not_holder");
  const { consultation } = row;
  return {
    id: consultation.id,
    pseudonym: row.pseudonym,
    channel: consultation.channel,
    phase,
    priority: consultation.priority,
    earlierAtRisk: row.earlierAtRisk,
    intake: consultation.intake,
    intakeVersionId: consultation.intakeVersionId,
    intakeNoteEnc: consultation.intakeNoteEnc,
    openedAt: consultation.openedAt,
    holderId: consultation.assignedTo,
    holderName: row.holderName,
    /** The viewer holds it: only the holder closes it with the record form or hands it over. */
    holds,
    /** The viewer may write: the holder, and a supervisor who joined an emergency as second responder; a supervisor watching is read-only. */
    canReply: holds || (phase === "active" && consultation.secondResponderId === actor.id),
    /** Ended without a record, and this viewer may write it (R17). */
    canFinishRecord: recordPending && (lastHolder || supervises),
    closeReason: consultation.closeReason,
  };
}
