import { and, desc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationRecords, consultations, formVersions } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";
import { choiceLabel, recordDefinitionSchema } from "@/lib/forms";

function outcomeLabel(definition: unknown, outcome: string): string {
  const parsed = recordDefinitionSchema.safeParse(definition);
  return parsed.success ? choiceLabel(parsed.data.outcome, outcome) : outcome;
}

/**
 * The youth's earlier consultations, newest first, as their records summarise them (continuity
 * without rereading everything). The full text is read with readEarlierConsultation, which is audited.
 */
export async function listEarlierConsultations(tx: DbOrTx, consultationId: string, keyring: Keyring) {
  const [current] = await tx.select({ youthId: consultations.youthId }).from(consultations).where(eq(consultations.id, consultationId));
  if (!current) return [];
  const rows = await tx
    .select({
      id: consultations.id,
      openedAt: consultations.openedAt,
      closedAt: consultations.closedAt,
      closeReason: consultations.closeReason,
      outcome: consultationRecords.outcome,
      topics: consultationRecords.topics,
      contentSummaryEnc: consultationRecords.contentSummaryEnc,
      responseSummaryEnc: consultationRecords.responseSummaryEnc,
      recordDefinition: formVersions.definition,
    })
    .from(consultations)
    .leftJoin(consultationRecords, eq(consultationRecords.consultationId, consultations.id))
    .leftJoin(formVersions, eq(formVersions.id, consultationRecords.formVersionId))
    .where(and(eq(consultations.youthId, current.youthId), ne(consultations.id, consultationId), eq(consultations.status, "closed")))
    .orderBy(desc(consultations.openedAt));
  return rows.map(({ contentSummaryEnc, responseSummaryEnc, recordDefinition, ...row }) => ({
    ...row,
    // In the words of the record form version the record was made with.
    outcomeLabel: row.outcome ? outcomeLabel(recordDefinition, row.outcome) : null,
    contentSummary: contentSummaryEnc ? decryptField(keyring, contentSummaryEnc) : null,
    responseSummary: responseSummaryEnc ? decryptField(keyring, responseSummaryEnc) : null,
  }));
}
