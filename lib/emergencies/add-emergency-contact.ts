import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emergencyContactKinds, emergencyContacts } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { ConsoleActor } from "@/lib/consultations";
import { encryptField, type Keyring } from "@/lib/crypto";
import { publishConsoleEvent } from "@/lib/realtime";
import { validateContactInput, type ContactFieldErrors } from "./contact-input";
import { loadEmergencyForUpdate } from "./load-emergency-for-update";
import { ja } from "@/lib/i18n/ja";

export type AddContactResult = { ok: true; contactId: string } | { ok: false; fieldErrors: ContactFieldErrors };

/**
 * Logs one contact (to whom, when, the number, the result, when the city was told) by the responder who
 * made it. Without whom or when it is refused with a Japanese message per field and nothing is written.
 */
export async function addEmergencyContact(db: Db, input: { emergencyId: string; contact: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<AddContactResult> {
  const validated = validateContactInput(input.contact);
  if (!validated.ok) return validated;
  const { contact } = validated;
  return db.transaction(async (tx) => {
    const emergency = await loadEmergencyForUpdate(tx, input.emergencyId, actor);
    const [kind] = await tx
      .select({ id: emergencyContactKinds.id })
      .from(emergencyContactKinds)
      .where(and(eq(emergencyContactKinds.id, contact.kindId), eq(emergencyContactKinds.active, true)));
    if (!kind) return { ok: false as const, fieldErrors: { kindId: ja.emergency.errors.unknown_kind } };
    const [row] = await tx
      .insert(emergencyContacts)
      .values({
        emergencyId: emergency.id,
        kindId: kind.id,
        contactedAt: contact.contactedAt,
        contactedBy: actor.id,
        number: contact.number,
        resultEnc: contact.result ? encryptField(keyring, contact.result) : null,
        cityNotifiedAt: contact.cityNotifiedAt ?? null,
        createdAt: input.at,
      })
      .returning({ id: emergencyContacts.id });
    await appendAudit(tx, { action: "emergency.contact_added", actor, target: `emergency:${emergency.id}`, details: { contactId: row!.id, kindId: kind.id } });
    await publishConsoleEvent(tx, { kind: "emergency", consultationId: emergency.consultationId });
    return { ok: true as const, contactId: row!.id };
  });
}
