import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { consultationRecords, consultations } from "@/db/schema";
import { can } from "@/lib/auth";
import type { ConsoleActor } from "./actor";
import { ConsoleError } from "./errors";
import { recordIsPending } from "./record-pending";

export type ConsultationRow = typeof consultations.$inferSelect;

/**
 * Locks the row for the rest of the transaction, so a transfer or close cannot interleave with a
 * reply, and checks the actor may act on it: its holder, or (when `supervisorToo`) a supervisor.
 * A closed consultation is refused, except (`recordPendingToo`) one whose record is still owed: its
 * last holder and supervisors may then write the record, and nothing else. `secondResponderToo` admits
 * the supervisor who joined an emergency (admitSecondResponder) to what otherwise only the holder does.
 */
export async function loadConsultationForUpdate(
  tx: Tx,
  consultationId: string,
  actor: ConsoleActor,
  options: { supervisorToo: boolean; recordPendingToo?: boolean; secondResponderToo?: boolean },
): Promise<ConsultationRow> {
  const [row] = await tx.select().from(consultations).where(eq(consultations.id, consultationId)).for("update");
  if (!row) throw new ConsoleError("not_found");
  if (row.status === "closed" && !(options.recordPendingToo && recordIsPending(row, await finalizedAtOf(tx, row.id)))) throw new ConsoleError("closed");
  const isHolder = row.assignedTo === actor.id || (options.secondResponderToo === true && row.secondResponderId === actor.id);
  const supervises = options.supervisorToo && can(actor.role, "consultations.supervise");
  if (!isHolder && !supervises) throw new ConsoleError("not_holder");
  return row;
}

async function finalizedAtOf(tx: Tx, consultationId: string): Promise<Date | null> {
  const [record] = await tx.select({ finalizedAt: consultationRecords.finalizedAt }).from(consultationRecords).where(eq(consultationRecords.consultationId, consultationId));
  return record?.finalizedAt ?? null;
}
