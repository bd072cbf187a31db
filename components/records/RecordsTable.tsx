import Link from "next/link";
import { ja } from "@/lib/i18n/ja";
import { formatJst, type InspectionRow } from "@/lib/records";
import { ageBandLabel, closeReasonLabel, genderLabel, minutesLabel, outcomeLabel, topicsLabel } from "./labels";
import type { RecordLabels } from "@/lib/forms";

const c = ja.records.columns;

export function RecordsTable({ rows, labels }: { rows: InspectionRow[]; labels: RecordLabels }) {
  if (rows.length === 0) return <p className="mt-4 text-slate-600">{ja.records.empty}</p>;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="min-w-full border-collapse bg-white text-sm" data-testid="records-table">
        <thead>
          <tr className="border-b text-left">
            <th className="p-2">{c.openedAt}</th>
            <th className="p-2">{c.pseudonym}</th>
            <th className="p-2">{c.counselor}</th>
            <th className="p-2">{c.waitingMinutes}</th>
            <th className="p-2">{c.durationMinutes}</th>
            <th className="p-2">{c.ageBand}</th>
            <th className="p-2">{c.gender}</th>
            <th className="p-2">{c.topics}</th>
            <th className="p-2">{c.outcome}</th>
            <th className="p-2">
              <span className="sr-only">{ja.records.open}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.consultationId} className="border-b align-top">
              <td className="whitespace-nowrap p-2 tabular-nums">
                {formatJst(r.openedAt)}
                {r.inStaffedHours === false ? <span className="block text-xs text-slate-500">{ja.records.outOfHours}</span> : null}
              </td>
              <td className="p-2">{r.pseudonym}</td>
              <td className="p-2">{r.counselor ?? ja.records.none}</td>
              <td className="p-2 tabular-nums">{minutesLabel(r.waitingSeconds)}</td>
              <td className="p-2 tabular-nums">{minutesLabel(r.durationSeconds)}</td>
              <td className="p-2">{ageBandLabel(labels, r.ageBand)}</td>
              <td className="p-2">{genderLabel(labels, r.gender)}</td>
              <td className="p-2">{topicsLabel(labels, r.topics)}</td>
              <td className="p-2">
                {r.outcome ? outcomeLabel(labels, r.outcome) : closeReasonLabel(r.closeReason)}
                {r.emergency ? <span className="ml-1 font-semibold text-red-700">{ja.records.emergencyMark}</span> : null}
              </td>
              <td className="p-2">
                <Link href={`/records/${r.consultationId}`} className="text-brand-700 underline">
                  {ja.records.open}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
