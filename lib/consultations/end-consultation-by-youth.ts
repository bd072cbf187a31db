import type { Db } from "@/db";
import { and, eq } from "drizzle-orm";
import { consultationMessages, consultations } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { closeConsultation } from "./close-consultation";
import { findOpenConsultation } from "./open-consultation";

/**
 * The youth taps 相談を終える in the secure chat: their open consultation closes (reason youth_ended),
 * the conversation shows a system line so the counselor sees why it ended, and the record stays to be
 * written as after any other close. Returns the closed consultation's id, or null when none was open.
 */
export async function endConsultationByYouth(db: Db, input: { youthId: string; at: Date }, keyring: Keyring): Promise<string | null> {
  return db.transaction(async (tx) => {
    const found = await findOpenConsultation(tx, input.youthId);
    if (!found) return null;
    // Locked, so the note goes in before the closing message (which ends the conversation) and no other closer slips between.
    const [open] = await tx
      .select({ id: consultations.id, assignedTo: consultations.assignedTo })
      .from(consultations)
      .where(and(eq(consultations.id, found.id), eq(consultations.status, "open")))
      .for("update");
    if (!open) return null;
    await tx.insert(consultationMessages).values({
      consultationId: open.id,
      sender: "system",
      kind: "text",
      bodyEnc: encryptField(keyring, ja.liff.endedNotice),
      via: "secure_chat",
      sentAt: input.at,
    });
    // The youth is identified only by the consultation: no LINE id or pseudonym in the audit trail's text.
    await closeConsultation(tx, { consultationId: open.id, reason: "youth_ended", at: input.at, by: "youth", details: { holder: open.assignedTo } }, keyring);
    return open.id;
  });
}
