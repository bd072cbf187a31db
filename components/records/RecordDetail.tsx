import { ja } from "@/lib/i18n/ja";
import { describeConsent, describeSharingException, formatJst, type InspectedRecord } from "@/lib/records";
import { ageBandLabel, closeReasonLabel, genderLabel, minutesLabel, outcomeLabel, topicsLabel, yesNo } from "./labels";
import type { RecordLabels } from "@/lib/forms";

const c = ja.records.columns;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="border-b border-slate-100 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 whitespace-pre-wrap sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

function SharingList({ lines, testId }: { lines: string[]; testId: string }) {
  if (lines.length === 0) return <>{ja.records.none}</>;
  return (
    <ul className="flex flex-col gap-1" data-testid={testId}>
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

export function RecordDetail({ record, labels }: { record: InspectedRecord; labels: RecordLabels }) {
  return (
    <dl className="mt-4 rounded-md border border-slate-200 bg-white px-4" data-testid="record-detail">
      <Field label={c.openedAt}>{formatJst(record.openedAt)}</Field>
      <Field label={c.pseudonym}>{record.pseudonym}</Field>
      <Field label={c.channel}>{ja.console.channel[record.channel]}</Field>
      <Field label={c.inStaffedHours}>{yesNo(record.inStaffedHours)}</Field>
      <Field label={c.counselor}>{record.counselor ?? ja.records.none}</Field>
      <Field label={c.firstReplyAt}>{formatJst(record.firstReplyAt) || ja.records.none}</Field>
      <Field label={c.waitingMinutes}>{minutesLabel(record.waitingSeconds)}</Field>
      <Field label={c.firstResponseMinutes}>{minutesLabel(record.firstResponseSeconds)}</Field>
      <Field label={c.durationMinutes}>{minutesLabel(record.durationSeconds)}</Field>
      <Field label={c.youthMessages}>{record.youthMessages ?? ja.records.none}</Field>
      <Field label={c.counselorMessages}>{record.counselorMessages ?? ja.records.none}</Field>
      <Field label={c.closedAt}>{formatJst(record.closedAt)}</Field>
      <Field label={c.closeReason}>{closeReasonLabel(record.closeReason)}</Field>
      <Field label={c.ageBand}>{ageBandLabel(labels, record.ageBand)}</Field>
      <Field label={c.gender}>{genderLabel(labels, record.gender)}</Field>
      <Field label={c.topics}>{topicsLabel(labels, record.topics)}</Field>
      <Field label={c.contentSummary}>{record.contentSummary ?? ja.records.none}</Field>
      <Field label={c.responseSummary}>{record.responseSummary ?? ja.records.none}</Field>
      <Field label={c.outcome}>{outcomeLabel(labels, record.outcome)}</Field>
      <Field label={c.referralAgency}>{record.referralAgency ?? ja.records.none}</Field>
      <Field label={c.emergency}>{yesNo(record.emergency)}</Field>
      <Field label={c.emergencyNote}>{record.emergencyNote ?? ja.records.none}</Field>
      <Field label={c.informationShared}>{yesNo(record.informationShared)}</Field>
      <Field label={c.consents}>
        <SharingList testId="record-consents" lines={record.sharing.consents.map(describeConsent)} />
      </Field>
      <Field label={c.sharingExceptions}>
        <SharingList testId="record-sharing-exceptions" lines={record.sharing.exceptions.map(describeSharingException)} />
      </Field>
      {record.consentToShare !== null ? <Field label={c.consentToShare}>{yesNo(record.consentToShare)}</Field> : null}
      <Field label={c.outOfScope}>{yesNo(record.outOfScope)}</Field>
      <Field label={c.finalizedAt}>{formatJst(record.finalizedAt) || ja.records.none}</Field>
    </dl>
  );
}
