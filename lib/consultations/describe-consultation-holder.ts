import { and, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog, consultations, staff } from "@/db/schema";
import { phaseOf, type ConsultationPhase } from "./phase";

/**
 * Whether this person ever held the consultation: claimed it, or had it handed to or taken from them.
 * The audit log is the one record of every claim and transfer (first_claimed_by only keeps the first).
 */
async function heldItOnce(tx: DbOrTx, consultationId: string, staffId: string): Promise<boolean> {
  const [row] = await tx
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.target, `consultation:${consultationId}`),
        or(
          and(eq(auditLog.action, "consultation.claimed"), eq(auditLog.actorId, staffId)),
          and(eq(auditLog.action, "consultation.transferred"), or(sql`${auditLog.details}->>'from' = ${staffId}`, sql`${auditLog.details}->>'to' = ${staffId}`)),
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Who holds a consultation now, by display name only, for the counselor it was refused to after
 * they held it (reassigned away by a supervisor, or handed on) or for a supervisor: they learn whom
 * to talk to, and nothing of the conversation. Anyone else who opens the address learns nothing,
 * not even that it is under way. Null then, and when there is no such consultation.
 */
export async function describeConsultationHolder(
  tx: DbOrTx,
  consultationId: string,
  viewer: { id: string; supervises: boolean },
): Promise<{ phase: ConsultationPhase; holderName: string | null } | null> {
  const [row] = await tx
    .select({ status: consultations.status, assignedTo: consultations.assignedTo, firstClaimedBy: consultations.firstClaimedBy, holderName: staff.displayName })
    .from(consultations)
    .leftJoin(staff, eq(staff.id, consultations.assignedTo))
    .where(eq(consultations.id, consultationId));
  if (!row) return null;
  const entitled = viewer.supervises || row.firstClaimedBy === viewer.id || (await heldItOnce(tx, consultationId, viewer.id));
  if (!entitled) return null;
  const phase = phaseOf(row);
  return { phase, holderName: phase === "active" ? row.holderName : null };
}
