import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emergencies } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { ConsoleActor } from "@/lib/consultations";
import { encryptField, type Keyring } from "@/lib/crypto";
import { publishConsoleEvent } from "@/lib/realtime";
import { checklistItems, checklistSchema } from "./checklist";
import { loadEmergencyForUpdate } from "./load-emergency-for-update";

export type ChecklistResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** Saves the whole checklist (answers plain for counting, notes encrypted); saved again as things become known. */
export async function saveEmergencyChecklist(db: Db, input: { emergencyId: string; checklist: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<ChecklistResult> {
  const parsed = checklistSchema.safeParse(input.checklist);
  if (!parsed.success) return { ok: false, fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])) };
  const checklist = parsed.data;
  await db.transaction(async (tx) => {
    const emergency = await loadEmergencyForUpdate(tx, input.emergencyId, actor);
    const answers = Object.fromEntries(checklistItems.map((item) => [item, checklist[item].answer]));
    const notes = Object.fromEntries(checklistItems.map((item) => [item, checklist[item].note]));
    await tx
      .update(emergencies)
      .set({ checklist: answers, checklistNotesEnc: encryptField(keyring, JSON.stringify(notes)), checklistUpdatedAt: input.at })
      .where(eq(emergencies.id, emergency.id));
    await appendAudit(tx, { action: "emergency.checklist_saved", actor, target: `emergency:${emergency.id}`, details: { consultationId: emergency.consultationId } });
    await publishConsoleEvent(tx, { kind: "emergency", consultationId: emergency.consultationId });
  });
  return { ok: true };
}
