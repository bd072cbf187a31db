import Link from "next/link";
import { ja } from "@/lib/i18n/ja";
import type { DayPlan, MonthPlan } from "@/lib/schedule";

const t = ja.scheduleAdmin.calendar;

type Mark = { label: string; detail: string | null; className: string };

function markOf(day: DayPlan): Mark | null {
  switch (day.rule) {
    case "holiday":
      return { label: t.holiday, detail: day.reason, className: "bg-red-50 text-red-800" };
    case "closure":
      return { label: t.closure, detail: day.reason, className: "bg-amber-100 text-amber-900" };
    case "opening":
      return { label: t.opening, detail: day.reason, className: "bg-sky-100 text-sky-900" };
    case "outside-period":
      return { label: t.outsidePeriod, detail: null, className: "bg-slate-200 text-slate-700" };
    case "weekly":
      return null;
  }
}

/** A closure or the period says why there is no session; an ordinary empty day says so itself. */
const saysNoSession = (day: DayPlan) => day.timeframes.length === 0 && (day.rule === "weekly" || day.rule === "holiday");

// Japanese calendars colour Sundays and holidays red, Saturdays blue.
function dayNumberClass(weekday: number, day: DayPlan) {
  if (weekday === 0 || day.rule === "holiday") return "text-red-700";
  return weekday === 6 ? "text-blue-700" : "text-slate-900";
}

function DayDetails({ day }: { day: DayPlan }) {
  const mark = markOf(day);
  return (
    <>
      {mark ? (
        <p className={`mt-1 rounded px-1 text-xs ${mark.className}`}>
          <span className="font-semibold">{mark.label}</span>
          {mark.detail ? <span className="block break-words">{mark.detail}</span> : null}
        </p>
      ) : null}
      {day.timeframes.map((tf) => (
        <p key={tf.start} className="mt-1 text-xs font-semibold text-brand-700 tabular-nums">
          {tf.start}〜{tf.end}
        </p>
      ))}
    </>
  );
}

/**
 * The month's staffed timeframes and why each day is as it is. A 7-column table from 640px up;
 * on a phone the same days as a list, since seven columns cannot hold "20:00〜24:00" there.
 */
export function MonthCalendar({ plan, today, links }: { plan: MonthPlan; today: string; links: { previous: string; current: string; next: string } }) {
  const caption = t.caption(plan.year, plan.month);
  const cells: (DayPlan | null)[] = [...Array<null>(plan.firstWeekday).fill(null), ...plan.days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const weekdayOfDay = (index: number) => (plan.firstWeekday + index) % 7;

  return (
    <div>
      <nav aria-label={t.title} className="flex flex-wrap items-center gap-2">
        <Link href={links.previous} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100" scroll={false}>
          ← {t.previous}
        </Link>
        <Link href={links.current} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100" scroll={false}>
          {t.thisMonth}
        </Link>
        <Link href={links.next} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100" scroll={false}>
          {t.next} →
        </Link>
      </nav>

      <div className="mt-3 hidden sm:block">
        <table className="w-full table-fixed border-collapse bg-white" data-testid="month-calendar">
          <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
          <thead>
            <tr>
              {t.weekdays.map((name, weekday) => (
                <th key={name} scope="col" className={`border border-slate-200 p-1 text-sm ${weekday === 0 ? "text-red-700" : weekday === 6 ? "text-blue-700" : ""}`}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.find(Boolean)?.date}>
                {week.map((day, i) =>
                  day === null ? (
                    <td key={`blank-${i}`} className="border border-slate-200 bg-slate-50" />
                  ) : (
                    <td
                      key={day.date}
                      data-testid={`day-${day.date}`}
                      data-rule={day.rule}
                      aria-current={day.date === today ? "date" : undefined}
                      className={`h-24 border border-slate-200 p-1 align-top ${day.rule === "outside-period" ? "bg-slate-100" : day.timeframes.length > 0 ? "bg-brand-50" : ""} ${day.date === today ? "outline-2 -outline-offset-2 outline-brand-600" : ""}`}
                    >
                      <div className="flex items-baseline justify-between gap-1">
                        {/* The column is the weekday: the grid starts on Sunday. */}
                        <span className={`font-semibold ${dayNumberClass(i, day)}`}>
                          {Number(day.date.slice(8))}
                          <span className="sr-only">{t.daySuffix(t.weekdays[i]!)}</span>
                        </span>
                        {day.date === today ? <span className="rounded bg-brand-600 px-1 text-[10px] text-white">{t.today}</span> : null}
                      </div>
                      <DayDetails day={day} />
                      {saysNoSession(day) ? <span className="sr-only">{t.noSession}</span> : null}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ol aria-label={caption} className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white sm:hidden">
        {plan.days.map((day, index) => (
          <li key={day.date} aria-current={day.date === today ? "date" : undefined} className={`flex gap-3 px-3 py-2 ${day.rule === "outside-period" ? "bg-slate-100" : day.timeframes.length > 0 ? "bg-brand-50" : ""}`}>
            <span className={`w-28 shrink-0 font-semibold ${dayNumberClass(weekdayOfDay(index), day)}`}>
              {t.dayLabel(plan.month, index + 1, t.weekdays[weekdayOfDay(index)] ?? "")}
              {day.date === today ? <span className="ml-1 rounded bg-brand-600 px-1 text-[10px] font-normal text-white">{t.today}</span> : null}
            </span>
            <div className="min-w-0 flex-1">
              <DayDetails day={day} />
              {saysNoSession(day) ? <p className="mt-1 text-xs text-slate-500">{t.noSession}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
