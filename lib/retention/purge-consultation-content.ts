import { and, eq, inArray, isNotNull, isNull, lt, ne, or, type Column, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  consents,
  consultationMessages,
  consultationNotes,
  consultationRecords,
  consultations,
  emergencies,
  emergencyContacts,
  safetyPlanVersions,
  sharingExceptions,
} from "@/db/schema";

/**
 * Erases what was written in consultations closed before `cutoff`: every encrypted free-text column
 * (db/encrypted-columns.ts, but the youth's LINE id, the staff's secrets and the LINE payloads, which
 * have their own rules) and the number an emergency contact was reached at. Everything the reports
 * count stays: the rows, their kinds, choice ids, flags and times, and consultation_timings. The
 * consultation is marked last, so a run stopped half-way is finished by the next one.
 */
export async function purgeConsultationContent(tx: Tx, { cutoff, at }: { cutoff: Date; at: Date }) {
  const due = tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.status, "closed"), lt(consultations.closedAt, cutoff), isNull(consultations.contentPurgedAt)));
  const ofDue = (column: Column) => inArray(column, due);
  const anyNotNull = (...columns: Column[]): SQL => or(...columns.map((c) => isNotNull(c)))!;

  const messages = await tx
    .update(consultationMessages)
    .set({ bodyEnc: null })
    .where(and(ofDue(consultationMessages.consultationId), isNotNull(consultationMessages.bodyEnc)))
    .returning({ id: consultationMessages.id });
  const notes = await tx
    .update(consultationNotes)
    .set({ bodyEnc: null })
    .where(and(ofDue(consultationNotes.consultationId), isNotNull(consultationNotes.bodyEnc)))
    .returning({ id: consultationNotes.id });
  const records = await tx
    .update(consultationRecords)
    .set({ draftEnc: null, contentSummaryEnc: null, responseSummaryEnc: null, emergencyNoteEnc: null })
    .where(
      and(
        ofDue(consultationRecords.consultationId),
        anyNotNull(consultationRecords.draftEnc, consultationRecords.contentSummaryEnc, consultationRecords.responseSummaryEnc, consultationRecords.emergencyNoteEnc),
      ),
    )
    .returning({ id: consultationRecords.consultationId });
  const consentRows = await tx
    .update(consents)
    .set({ recipientEnc: null, scopeNoteEnc: null, wordsEnc: null, withdrawalNoteEnc: null })
    .where(and(ofDue(consents.consultationId), anyNotNull(consents.recipientEnc, consents.scopeNoteEnc, consents.wordsEnc, consents.withdrawalNoteEnc)))
    .returning({ id: consents.id });
  const exceptions = await tx
    .update(sharingExceptions)
    .set({ recipientEnc: null, reasonEnc: null })
    .where(and(ofDue(sharingExceptions.consultationId), anyNotNull(sharingExceptions.recipientEnc, sharingExceptions.reasonEnc)))
    .returning({ id: sharingExceptions.id });
  const plans = await tx
    .update(safetyPlanVersions)
    .set({ planEnc: null })
    .where(and(ofDue(safetyPlanVersions.consultationId), isNotNull(safetyPlanVersions.planEnc)))
    .returning({ id: safetyPlanVersions.id });
  const emergencyRows = await tx
    .update(emergencies)
    .set({ checklistNotesEnc: null, summaryEnc: null })
    .where(and(ofDue(emergencies.consultationId), anyNotNull(emergencies.checklistNotesEnc, emergencies.summaryEnc)))
    .returning({ id: emergencies.id });
  const contacts = await tx
    .update(emergencyContacts)
    .set({ resultEnc: null, number: "" })
    .where(
      and(
        inArray(emergencyContacts.emergencyId, tx.select({ id: emergencies.id }).from(emergencies).where(ofDue(emergencies.consultationId))),
        or(isNotNull(emergencyContacts.resultEnc), ne(emergencyContacts.number, "")),
      ),
    )
    .returning({ id: emergencyContacts.id });
  const marked = await tx
    .update(consultations)
    .set({ intakeNoteEnc: null, contentPurgedAt: at })
    .where(and(eq(consultations.status, "closed"), lt(consultations.closedAt, cutoff), isNull(consultations.contentPurgedAt)))
    .returning({ id: consultations.id });
  return {
    consultations: marked.length,
    messages: messages.length,
    internalNotes: notes.length,
    records: records.length,
    consents: consentRows.length,
    sharingExceptions: exceptions.length,
    safetyPlans: plans.length,
    emergencies: emergencyRows.length,
    emergencyContacts: contacts.length,
  };
}
