import { format } from "date-fns";
import { tz } from "@date-fns/tz";
import type { SharingBasis } from "@/lib/consents";
import type { RecordLabels } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";
import type { InspectionRow } from "./inspection-rows";

const inTokyo = tz("Asia/Tokyo");
const labels = ja.records.columns;
const labelOf = (table: Record<string, string>, value: string | null) => (value === null ? "" : (table[value] ?? value));

export type RecordWithText = InspectionRow & { contentSummary: string | null; responseSummary: string | null; emergencyNote: string | null; sharing: SharingBasis };

/** "2024-08-03 20:15" in Japan's time, whatever the server's TZ. */
export function formatJst(at: Date | null): string {
  return at ? format(at, "yyyy-MM-dd HH:mm", { in: inTokyo }) : "";
}

const minutes = (s: number | null) => (s === null ? "" : Math.round(s / 60));
const yesNo = (v: boolean | null) => (v === null ? "" : v ? ja.records.yes : ja.records.no);

/**
 * The export's columns, in the order of the closing form and the timings (R17), with choices in the
 * record form's current words. One definition for CSV and Excel.
 */
export const recordColumns = (choices: RecordLabels): { header: string; value: (r: RecordWithText) => string | number }[] => [
  { header: labels.openedAt, value: (r) => formatJst(r.openedAt) },
  { header: labels.pseudonym, value: (r) => r.pseudonym },
  { header: labels.channel, value: (r) => ja.console.channel[r.channel] },
  { header: labels.counselor, value: (r) => r.counselor ?? "" },
  { header: labels.firstReplyAt, value: (r) => formatJst(r.firstReplyAt) },
  { header: labels.waitingMinutes, value: (r) => minutes(r.waitingSeconds) },
  { header: labels.firstResponseMinutes, value: (r) => minutes(r.firstResponseSeconds) },
  { header: labels.durationMinutes, value: (r) => minutes(r.durationSeconds) },
  { header: labels.youthMessages, value: (r) => r.youthMessages ?? "" },
  { header: labels.counselorMessages, value: (r) => r.counselorMessages ?? "" },
  { header: labels.inStaffedHours, value: (r) => yesNo(r.inStaffedHours) },
  { header: labels.closedAt, value: (r) => formatJst(r.closedAt) },
  { header: labels.closeReason, value: (r) => labelOf(ja.records.closeReasons, r.closeReason) },
  { header: labels.ageBand, value: (r) => labelOf(choices.ageBand, r.ageBand) },
  { header: labels.gender, value: (r) => labelOf(choices.gender, r.gender) },
  { header: labels.topics, value: (r) => r.topics.map((t) => labelOf(choices.topics, t)).join("、") },
  { header: labels.outcome, value: (r) => labelOf(choices.outcome, r.outcome) },
  { header: labels.referralAgency, value: (r) => r.referralAgency ?? "" },
  { header: labels.emergency, value: (r) => yesNo(r.emergency) },
  { header: labels.emergencyNote, value: (r) => r.emergencyNote ?? "" },
  { header: labels.informationShared, value: (r) => yesNo(r.informationShared) },
  { header: labels.consents, value: (r) => r.sharing.consents.map(describeConsent).join("\n") },
  { header: labels.sharingExceptions, value: (r) => r.sharing.exceptions.map(describeSharingException).join("\n") },
  { header: labels.consentToShare, value: (r) => yesNo(r.consentToShare) },
  { header: labels.outOfScope, value: (r) => yesNo(r.outOfScope) },
  { header: labels.contentSummary, value: (r) => r.contentSummary ?? "" },
  { header: labels.responseSummary, value: (r) => r.responseSummary ?? "" },
  { header: labels.finalizedAt, value: (r) => formatJst(r.finalizedAt) },
];

const cj = ja.consent;

/** One consent on one line, as the export and the record view word it. */
export function describeConsent(c: SharingBasis["consents"][number]): string {
  const scope = [...c.scopeItems.map((item) => cj.scopeItems[item]), ...(c.scopeNote ? [c.scopeNote] : [])].join("、");
  const parts = [`${cj.recipient}：${c.recipient}`, `${cj.scope}：${scope}`, `${cj.agreedAt}：${formatJst(c.agreedAt)}`, `${cj.words}：${c.words}`, `${cj.by}：${c.recordedBy ?? ""}`];
  if (c.withdrawnAt) parts.push(cj.withdrawn(formatJst(c.withdrawnAt)) + (c.withdrawalNote ? `：${c.withdrawalNote}` : ""));
  return parts.join("／");
}

export function describeSharingException(x: SharingBasis["exceptions"][number]): string {
  return [`${cj.recipient}：${x.recipient}`, `${cj.reason}：${x.reason}`, `${cj.supervisorName}：${x.supervisorName}`, `${cj.decidedAt}：${formatJst(x.decidedAt)}`, `${cj.by}：${x.recordedBy ?? ""}`].join("／");
}
