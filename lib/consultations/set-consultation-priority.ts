import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { consultationNotes, consultations } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { publishConsoleEvent } from "@/lib/realtime";
import type { ConsoleActor } from "./actor";
import { loadConsultationForUpdate } from "./load-consultation-for-update";

const t = ja.console.setPriority;

export const priorityInputSchema = z.object({
  priority: z.coerce.number().int().min(0).max(2),
  reason: z.string().trim().min(1, t.reasonRequired).max(500, t.reasonTooLong),
});

/**
 * A counselor (holding it) or a supervisor sets the priority by hand, raising or lowering it. The reason
 * may describe the youth, so it is kept as an encrypted internal note; the audit row has the levels only.
 */
export async function setConsultationPriority(
  db: Db,
  input: { consultationId: string; priority: number; reason: string; at: Date },
  actor: ConsoleActor,
  keyring: Keyring,
): Promise<{ changed: boolean }> {
  const { priority, reason } = priorityInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const row = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true });
    if (row.priority === priority) return { changed: false };
    await tx
      .update(consultations)
      .set({ priority, ...(priority > row.priority ? { riskDetectedAt: input.at } : {}) })
      .where(eq(consultations.id, row.id));
    const note = t.note(t.levels[row.priority]!, t.levels[priority]!, reason);
    await tx.insert(consultationNotes).values({ consultationId: row.id, authorId: actor.id, bodyEnc: encryptField(keyring, note), createdAt: input.at });
    await appendAudit(tx, { action: "consultation.priority_changed", actor, target: `consultation:${row.id}`, details: { from: row.priority, to: priority } });
    await publishConsoleEvent(tx, { kind: priority > row.priority ? "risk" : "queue", consultationId: row.id });
    return { changed: true };
  });
}
