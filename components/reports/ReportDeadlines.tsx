import { ja } from "@/lib/i18n/ja";
import type { ReportDeadlineState } from "@/lib/report-deadlines";
import { MarkSubmittedButton } from "./MarkSubmittedButton";

const t = ja.deadlines;
const timeFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

/** "9月10日(火)": the due date is a JST calendar day, so it is formatted from its own digits, not an instant. */
function dueLabel(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return ja.reports.periods.dueDay(m, d, ja.reports.periods.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!);
}

function statusOf(d: ReportDeadlineState): { text: string; className: string } {
  if (d.submitted) return { text: t.submitted(d.submitted.by, timeFormat.format(d.submitted.at)), className: "text-green-800" };
  if (d.status === "overdue") return { text: t.overdue(-d.daysLeft), className: "font-bold text-red-700" };
  if (d.status === "due_today") return { text: t.dueToday, className: "font-bold text-amber-800" };
  return { text: t.daysLeft(d.daysLeft), className: "text-slate-700" };
}

/** R18/R19 on the dashboards: what is due, what is late, who handed in what. Supervisors may mark a report submitted. */
export function ReportDeadlines({ deadlines, canMark }: { deadlines: ReportDeadlineState[]; canMark: boolean }) {
  return (
    <section aria-labelledby="deadlines-title" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="deadlines-title" className="text-lg font-bold">
        {t.title}
      </h2>
      {deadlines.length === 0 ? (
        <p className="mt-2 text-slate-600">{t.none}</p>
      ) : (
        <ul className="mt-2 flex flex-col divide-y divide-slate-100" data-testid="report-deadlines">
          {deadlines.map((d) => {
            const label = `${t.kinds[d.kind]} ${d.kind.startsWith("annual") ? t.yearPeriod(d.period) : t.monthPeriod(d.period)}`;
            const status = statusOf(d);
            return (
              <li key={`${d.kind}/${d.period}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2" data-testid={`deadline-${d.kind}-${d.period}`} data-status={d.status}>
                <span className="min-w-48 font-medium">{label}</span>
                <span className="text-sm tabular-nums">
                  {t.due} {dueLabel(d.dueDate)}
                </span>
                <span className={`text-sm ${status.className}`}>{status.text}</span>
                {canMark && !d.submitted ? (
                  <span className="sm:ml-auto">
                    <MarkSubmittedButton kind={d.kind} period={d.period} label={label} />
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
