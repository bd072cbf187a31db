import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { consultations } from "@/db/schema";
import { can } from "@/lib/auth";
import type { ConsoleActor } from "./actor";
import { ConsoleError } from "./errors";
import { loadConsultationForUpdate } from "./load-consultation-for-update";

/**
 * Lets a supervisor write in an open conversation beside its holder (the MHLW guideline's second person
 * in an emergency: one stays with the youth while the other contacts agencies). Only supervisors; the
 * caller audits why. Closing the consultation ends it.
 */
export async function admitSecondResponder(tx: Tx, input: { consultationId: string }, actor: ConsoleActor): Promise<void> {
  if (!can(actor.role, "consultations.supervise")) throw new ConsoleError("not_holder");
  const row = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true });
  await tx.update(consultations).set({ secondResponderId: actor.id }).where(eq(consultations.id, row.id));
}
