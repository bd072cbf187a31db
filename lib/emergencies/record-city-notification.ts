import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emergencyContacts } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { ConsoleActor } from "@/lib/consultations";
import { publishConsoleEvent } from "@/lib/realtime";
import { cityNotifiedAtSchema } from "./contact-input";
import { EmergencyError } from "./errors";
import { loadEmergencyForUpdate } from "./load-emergency-for-update";

export type CityNotificationResult = { ok: true } | { ok: false; fieldErrors: { cityNotifiedAt: string } };

/**
 * Sets or corrects when the city was told of one logged contact: the city is often told after the call
 * itself. The same people and the same window as the rest of the emergency (its responders, while it is
 * open), audited with ids only and whether an earlier time was replaced.
 */
export async function recordCityNotification(db: Db, input: { contactId: string; cityNotifiedAt: unknown; at: Date }, actor: ConsoleActor): Promise<CityNotificationResult> {
  const parsed = cityNotifiedAtSchema.safeParse(input.cityNotifiedAt);
  if (!parsed.success) return { ok: false, fieldErrors: { cityNotifiedAt: parsed.error.issues[0]!.message } };
  return db.transaction(async (tx) => {
    const [contact] = await tx.select({ emergencyId: emergencyContacts.emergencyId }).from(emergencyContacts).where(eq(emergencyContacts.id, input.contactId));
    if (!contact) throw new EmergencyError("contact_not_found");
    const emergency = await loadEmergencyForUpdate(tx, contact.emergencyId, actor);
    const [previous] = await tx.select({ cityNotifiedAt: emergencyContacts.cityNotifiedAt }).from(emergencyContacts).where(eq(emergencyContacts.id, input.contactId)).for("update");
    await tx.update(emergencyContacts).set({ cityNotifiedAt: parsed.data }).where(eq(emergencyContacts.id, input.contactId));
    await appendAudit(tx, {
      action: "emergency.city_notification_recorded",
      actor,
      target: `emergency:${emergency.id}`,
      details: { contactId: input.contactId, corrected: previous?.cityNotifiedAt != null },
    });
    await publishConsoleEvent(tx, { kind: "emergency", consultationId: emergency.consultationId });
    return { ok: true as const };
  });
}
