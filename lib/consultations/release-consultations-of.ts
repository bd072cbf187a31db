import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { consultationNotes, consultations } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { publishConsoleEvent } from "@/lib/realtime";

/**
 * R9: a counselor deactivated mid-shift must not leave youth holding on to nobody. Their open
 * consultations go back to the queue, each with a system note the supervisor sees, in the same
 * transaction as the deactivation (lib/auth calls this through deactivateStaff's `onDeactivated`).
 */
export async function releaseConsultationsOf(
  tx: Tx,
  staffId: string,
  deps: { at: Date; keyring: Keyring; reason?: "deactivated" | "role_changed" },
): Promise<string[]> {
  const released = await tx
    .update(consultations)
    .set({ assignedTo: null, claimedAt: null })
    .where(and(eq(consultations.status, "open"), eq(consultations.assignedTo, staffId)))
    .returning({ id: consultations.id });
  for (const { id } of released) {
    await tx.insert(consultationNotes).values({ consultationId: id, authorId: null, bodyEnc: encryptField(deps.keyring, ja.console.releasedNote), createdAt: deps.at });
    await appendAudit(tx, { action: "consultation.released", actorLabel: "system", target: `consultation:${id}`, details: { from: staffId, reason: deps.reason ?? "deactivated" } });
    await publishConsoleEvent(tx, { kind: "released", consultationId: id, staffId });
  }
  if (released.length > 0) await publishConsoleEvent(tx, { kind: "queue" });
  return released.map((r) => r.id);
}
