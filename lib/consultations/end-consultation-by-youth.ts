import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consultationMessages, consultations } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { publishConsoleEvent } from "@/lib/realtime";
import { findOpenConsultation } from "./open-consultation";
import { recordConsultationTimings } from "./record-consultation-timings";

/**
 * The youth taps 相談を終える in the secure chat: their open consultation closes (reason youth_ended),
 * the conversation shows a system line so the counselor sees why it ended, and the record stays to be
 * written as after any other close. Returns the closed consultation's id, or null when none was open.
 */
export async function endConsultationByYouth(db: Db, youthId: string, at: Date, keyring: Keyring): Promise<string | null> {
  return db.transaction(async (tx) => {
    const open = await findOpenConsultation(tx, youthId);
    if (!open) return null;
    const [closed] = await tx
      .update(consultations)
      .set({ status: "closed", closedAt: at, closeReason: "youth_ended" })
      .where(eq(consultations.id, open.id))
      .returning({ id: consultations.id, status: consultations.status });
    if (!closed) return null;
    await tx.insert(consultationMessages).values({
      consultationId: open.id,
      sender: "system",
      kind: "text",
      bodyEnc: encryptField(keyring, ja.liff.endedNotice),
      via: "secure_chat",
      sentAt: at,
    });
    await recordConsultationTimings(tx, [open.id], at);
    // The youth is identified only by the consultation: no LINE id or pseudonym in the audit trail's text.
    await appendAudit(tx, { action: "consultation.youth_ended", actorLabel: "youth", target: `consultation:${open.id}`, details: { holder: open.assignedTo } });
    await publishConsoleEvent(tx, { kind: "closed", consultationId: open.id });
    return open.id;
  });
}
