import { and, asc, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationRecords, consultationTimings, consultations, staff, supportAgencies, youths } from "@/db/schema";
import { monthRange } from "@/lib/calendar";
import type { InspectionFilter } from "./inspection-filter";

function whereOf(filter: InspectionFilter): SQL {
  const { start, end } = monthRange(filter.month);
  const conditions = [eq(consultations.status, "closed"), gte(consultations.openedAt, start), lt(consultations.openedAt, end)];
  if (filter.outcome === "none") conditions.push(isNull(consultationRecords.outcome));
  else if (filter.outcome) conditions.push(eq(consultationRecords.outcome, filter.outcome));
  return and(...conditions)!;
}

/** One consultation's record as inspection shows it (R17): the closing form, timings and who handled it. */
export interface InspectionRow {
  consultationId: string;
  pseudonym: string;
  channel: "line" | "secure_chat";
  openedAt: Date;
  closedAt: Date | null;
  closeReason: string | null;
  counselor: string | null;
  /*
   * Timings as the reports count them (consultation_timings, recorded when it closed), so an inspector
   * and the monthly report never disagree; null where the event never happened.
   */
  firstReplyAt: Date | null;
  /** Seconds from arrival to the first claim by a counselor. */
  waitingSeconds: number | null;
  /** Seconds from arrival to the first counselor message. */
  firstResponseSeconds: number | null;
  /** Seconds from the first claim to the close: the time counselors were with the youth. */
  durationSeconds: number | null;
  youthMessages: number | null;
  counselorMessages: number | null;
  /** Whether it arrived while staffed, by the schedule covering that day. */
  inStaffedHours: boolean | null;
  ageBand: string | null;
  gender: string | null;
  topics: string[];
  outcome: string | null;
  referralAgency: string | null;
  emergency: boolean | null;
  /** The old 同意 checkbox, on records made before consents were records. */
  consentToShare: boolean | null;
  informationShared: boolean | null;
  outOfScope: boolean | null;
  finalizedAt: Date | null;
}

/** The record's free text, still encrypted: only a single record's view and the export open it. */
export interface EncryptedRecordText {
  contentSummary: string | null;
  responseSummary: string | null;
  emergencyNote: string | null;
}

export interface SelectedRecord {
  row: InspectionRow;
  encrypted: EncryptedRecordText;
}

function baseQuery(db: DbOrTx) {
  return db
    .select({
      consultationId: consultations.id,
      pseudonym: youths.pseudonym,
      channel: consultations.channel,
      openedAt: consultations.openedAt,
      closedAt: consultations.closedAt,
      closeReason: consultations.closeReason,
      counselor: staff.displayName,
      firstReplyAt: consultationTimings.firstReplyAt,
      waitingSeconds: consultationTimings.waitingSeconds,
      firstResponseSeconds: consultationTimings.firstResponseSeconds,
      durationSeconds: consultationTimings.durationSeconds,
      youthMessages: consultationTimings.youthMessages,
      counselorMessages: consultationTimings.counselorMessages,
      inStaffedHours: consultationTimings.arrivedInStaffedHours,
      ageBand: consultationRecords.ageBand,
      gender: consultationRecords.gender,
      topics: consultationRecords.topics,
      outcome: consultationRecords.outcome,
      referralAgency: supportAgencies.name,
      emergency: consultationRecords.emergency,
      consentToShare: consultationRecords.consentToShare,
      informationShared: consultationRecords.informationShared,
      outOfScope: consultationRecords.outOfScope,
      finalizedAt: consultationRecords.finalizedAt,
      contentSummaryEnc: consultationRecords.contentSummaryEnc,
      responseSummaryEnc: consultationRecords.responseSummaryEnc,
      emergencyNoteEnc: consultationRecords.emergencyNoteEnc,
    })
    .from(consultations)
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .leftJoin(consultationRecords, eq(consultationRecords.consultationId, consultations.id))
    .leftJoin(consultationTimings, eq(consultationTimings.consultationId, consultations.id))
    .leftJoin(supportAgencies, eq(supportAgencies.id, consultationRecords.referralAgencyId))
    // The counselor who wrote the record, or else the one who closed it, or else the last holder.
    .leftJoin(staff, eq(staff.id, sql`coalesce(${consultationRecords.updatedBy}, ${consultations.closedBy}, ${consultations.assignedTo})`));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

function toSelectedRecord(raw: RawRow): SelectedRecord {
  const { contentSummaryEnc, responseSummaryEnc, emergencyNoteEnc, ...plain } = raw;
  return {
    row: { ...plain, topics: raw.topics ?? [] },
    encrypted: { contentSummary: contentSummaryEnc, responseSummary: responseSummaryEnc, emergencyNote: emergencyNoteEnc },
  };
}

export async function countInspectionRows(db: DbOrTx, filter: InspectionFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .leftJoin(consultationRecords, eq(consultationRecords.consultationId, consultations.id))
    .where(whereOf(filter));
  return row?.n ?? 0;
}

/** The filtered records in arrival order; `page` is zero-based, absent for all of them (exports). */
export async function selectInspectionRows(
  db: DbOrTx,
  filter: InspectionFilter,
  page?: { offset: number; limit: number },
): Promise<SelectedRecord[]> {
  const query = baseQuery(db).where(whereOf(filter)).orderBy(asc(consultations.openedAt), asc(consultations.id));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map((raw) => toSelectedRecord(raw));
}

export async function selectInspectionRow(db: DbOrTx, consultationId: string): Promise<SelectedRecord | null> {
  const [raw] = await baseQuery(db)
    .where(and(eq(consultations.id, consultationId), eq(consultations.status, "closed")))
    .orderBy(desc(consultations.openedAt))
    .limit(1);
  return raw ? toSelectedRecord(raw) : null;
}
