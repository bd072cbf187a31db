import { alias } from "drizzle-orm/pg-core";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, emergencies, emergencyContactKinds, emergencyContacts, staff, youths } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";
import { checklistItems, type Checklist } from "./checklist";

const starter = alias(staff, "starter");
const joiner = alias(staff, "joiner");
const ender = alias(staff, "ender");

/**
 * A consultation's emergency with its checklist and contact log decrypted, for the console panel and the
 * 緊急対応報告; null when none was started. The caller has authorised the reader.
 */
export async function viewEmergency(db: DbOrTx, input: { consultationId: string } | { emergencyId: string }, keyring: Keyring) {
  const [row] = await db
    .select({
      emergency: emergencies,
      pseudonym: youths.pseudonym,
      startedByName: starter.displayName,
      joinedByName: joiner.displayName,
      endedByName: ender.displayName,
    })
    .from(emergencies)
    .innerJoin(consultations, eq(consultations.id, emergencies.consultationId))
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .innerJoin(starter, eq(starter.id, emergencies.startedBy))
    .leftJoin(joiner, eq(joiner.id, emergencies.joinedBy))
    .leftJoin(ender, eq(ender.id, emergencies.endedBy))
    .where("consultationId" in input ? eq(emergencies.consultationId, input.consultationId) : eq(emergencies.id, input.emergencyId));
  if (!row) return null;
  const { emergency } = row;
  const notes: Record<string, string> = emergency.checklistNotesEnc ? JSON.parse(decryptField(keyring, emergency.checklistNotesEnc)) : {};
  const checklist = Object.fromEntries(checklistItems.map((item) => [item, { answer: emergency.checklist?.[item] ?? "unknown", note: notes[item] ?? "" }])) as Checklist;
  const contacts = await db
    .select({
      id: emergencyContacts.id,
      kindLabel: emergencyContactKinds.label,
      contactedAt: emergencyContacts.contactedAt,
      contactedByName: staff.displayName,
      number: emergencyContacts.number,
      resultEnc: emergencyContacts.resultEnc,
      cityNotifiedAt: emergencyContacts.cityNotifiedAt,
    })
    .from(emergencyContacts)
    .innerJoin(emergencyContactKinds, eq(emergencyContactKinds.id, emergencyContacts.kindId))
    .innerJoin(staff, eq(staff.id, emergencyContacts.contactedBy))
    .where(eq(emergencyContacts.emergencyId, emergency.id))
    .orderBy(asc(emergencyContacts.contactedAt), asc(emergencyContacts.createdAt));
  return {
    id: emergency.id,
    consultationId: emergency.consultationId,
    pseudonym: row.pseudonym,
    startedAt: emergency.startedAt,
    startedByName: row.startedByName,
    joinedAt: emergency.joinedAt,
    joinedBy: emergency.joinedBy,
    joinedByName: row.joinedByName,
    endedAt: emergency.endedAt,
    endedByName: row.endedByName,
    summary: emergency.summaryEnc ? decryptField(keyring, emergency.summaryEnc) : null,
    checklist,
    checklistSaved: emergency.checklistUpdatedAt !== null,
    contacts: contacts.map(({ resultEnc, ...contact }) => ({ ...contact, result: resultEnc ? decryptField(keyring, resultEnc) : "" })),
  };
}
export type EmergencyView = NonNullable<Awaited<ReturnType<typeof viewEmergency>>>;
