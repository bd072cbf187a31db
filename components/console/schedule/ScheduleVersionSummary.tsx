import { ja } from "@/lib/i18n/ja";

const t = ja.scheduleAdmin;
const timeFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" });

/** Which version is in force and why it was saved, so an admin sees at once whether a change took. */
export function ScheduleVersionSummary({ stored }: { stored: { version: number; createdAt: Date; note: string | null } | null }) {
  if (!stored) {
    return (
      <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="schedule-version">
        {t.noSchedule}
      </p>
    );
  }
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <div className="flex gap-2">
        <dt className="text-slate-600">{t.current}</dt>
        <dd className="font-semibold" data-testid="schedule-version">
          {t.version(stored.version)}
        </dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-slate-600">{t.savedAt}</dt>
        <dd>{timeFormat.format(stored.createdAt)}</dd>
      </div>
      {stored.note ? (
        <div className="flex gap-2">
          <dt className="text-slate-600">{t.note}</dt>
          <dd data-testid="schedule-note">{stored.note}</dd>
        </div>
      ) : null}
    </dl>
  );
}
