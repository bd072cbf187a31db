import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consents, sharingExceptions, staff, supportAgencies } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";

export interface ConsentView {
  id: string;
  /** The agency's name, or the recipient as the counselor wrote it. */
  recipient: string;
  scopeItems: ("summary" | "contact" | "school" | "safety")[];
  scopeNote: string | null;
  agreedAt: Date;
  words: string;
  recordedBy: string | null;
  withdrawnAt: Date | null;
  withdrawalNote: string | null;
}

export interface SharingExceptionView {
  id: string;
  recipient: string;
  reason: string;
  supervisorName: string;
  decidedAt: Date;
  recordedBy: string | null;
}

export interface SharingBasis {
  consents: ConsentView[];
  exceptions: SharingExceptionView[];
}

const open = (keyring: Keyring, value: string | null) => (value === null ? null : decryptField(keyring, value));

/**
 * A consultation's consents and R10 exceptions, decrypted, in the order they were given: what the
 * console panel and the record view show. The caller has checked the reader may see the consultation
 * (and audits the reading where that is the rule).
 */
export async function listSharingBasis(db: DbOrTx, consultationId: string, keyring: Keyring): Promise<SharingBasis> {
  return (await listSharingBases(db, [consultationId], keyring)).get(consultationId) ?? { consents: [], exceptions: [] };
}

/** The same for many consultations in two queries, for an export; consultations with neither are absent. */
export async function listSharingBases(db: DbOrTx, consultationIds: string[], keyring: Keyring): Promise<Map<string, SharingBasis>> {
  const bases = new Map<string, SharingBasis>();
  if (consultationIds.length === 0) return bases;
  const basisOf = (id: string) => {
    let basis = bases.get(id);
    if (!basis) bases.set(id, (basis = { consents: [], exceptions: [] }));
    return basis;
  };
  const consentRows = await db
    .select({ consent: consents, agency: supportAgencies.name, recordedBy: staff.displayName })
    .from(consents)
    .leftJoin(supportAgencies, eq(supportAgencies.id, consents.agencyId))
    .leftJoin(staff, eq(staff.id, consents.recordedBy))
    .where(inArray(consents.consultationId, consultationIds))
    .orderBy(asc(consents.agreedAt), asc(consents.recordedAt));
  for (const { consent: c, agency, recordedBy } of consentRows) {
    basisOf(c.consultationId).consents.push({
      id: c.id,
      recipient: recipientOf(agency, open(keyring, c.recipientEnc)),
      scopeItems: c.scopeItems,
      scopeNote: open(keyring, c.scopeNoteEnc),
      agreedAt: c.agreedAt,
      words: open(keyring, c.wordsEnc) ?? ja.retention.contentPurged,
      recordedBy,
      withdrawnAt: c.withdrawnAt,
      withdrawalNote: open(keyring, c.withdrawalNoteEnc),
    });
  }
  const exceptionRows = await db
    .select({ exception: sharingExceptions, agency: supportAgencies.name, recordedBy: staff.displayName })
    .from(sharingExceptions)
    .leftJoin(supportAgencies, eq(supportAgencies.id, sharingExceptions.agencyId))
    .leftJoin(staff, eq(staff.id, sharingExceptions.recordedBy))
    .where(inArray(sharingExceptions.consultationId, consultationIds))
    .orderBy(asc(sharingExceptions.decidedAt), asc(sharingExceptions.recordedAt));
  for (const { exception: x, agency, recordedBy } of exceptionRows) {
    basisOf(x.consultationId).exceptions.push({
      id: x.id,
      recipient: recipientOf(agency, open(keyring, x.recipientEnc)),
      reason: open(keyring, x.reasonEnc) ?? ja.retention.contentPurged,
      supervisorName: x.supervisorName,
      decidedAt: x.decidedAt,
      recordedBy,
    });
  }
  return bases;
}

function recipientOf(agency: string | null, written: string | null): string {
  return [agency, written].filter(Boolean).join(" / ");
}
