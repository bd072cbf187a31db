import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { AddClosureForm } from "@/components/console/schedule/AddClosureForm";
import { AddOpeningForm } from "@/components/console/schedule/AddOpeningForm";
import { AutoReplyPreview } from "@/components/console/schedule/AutoReplyPreview";
import { AutoReplyTemplateList } from "@/components/console/schedule/AutoReplyTemplateList";
import { ExceptionList } from "@/components/console/schedule/ExceptionList";
import { MonthCalendar } from "@/components/console/schedule/MonthCalendar";
import { PageSection } from "@/components/console/schedule/PageSection";
import { ScheduleRulesForm, type RulesValues } from "@/components/console/schedule/ScheduleRulesForm";
import { ScheduleVersionSummary } from "@/components/console/schedule/ScheduleVersionSummary";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { listAutoReplyTemplates, loadWaitingSettings, previewAutoReply } from "@/lib/autoreply";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { calendarDateOf, calendarMonthSchema, clockOf, instantAt } from "@/lib/calendar";
import { minutesOf, resolveMonth } from "@/lib/schedule";
import { loadCurrentSchedule } from "@/lib/schedule/store";

const t = ja.scheduleAdmin;

const previewQuerySchema = z.object({ date: z.iso.date(), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) });
type PreviewQuery = z.infer<typeof previewQuerySchema>;

const emptyRules: RulesValues = { servicePeriod: { from: "", to: "" }, weekly: [[], [], [], [], [], [], []], holidays: { enabled: true, timeframes: [] } };

/** Calendar links keep the chosen preview time, and the preview form keeps the month. */
function pageHref(month: string, preview: PreviewQuery | null) {
  return `/admin/schedule?${new URLSearchParams({ month, ...preview })}`;
}

export default async function ScheduleAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { staff } = await requireStaff("schedule.manage");
  const params = await searchParams;
  const at = now();
  const today = calendarDateOf(at);

  const requestedMonth = calendarMonthSchema.safeParse(params.month);
  const month = requestedMonth.success ? requestedMonth.data : today.slice(0, 7);
  const requestedPreview = previewQuerySchema.safeParse({ date: params.date, time: params.time });
  const preview = requestedPreview.success ? requestedPreview.data : null;
  const previewAt = preview ? instantAt(preview.date, minutesOf(preview.time)) : at;

  const db = await getDb();
  const [stored, previewResult, templates, waiting] = await Promise.all([
    loadCurrentSchedule(db),
    previewAutoReply(db, previewAt),
    listAutoReplyTemplates(db),
    loadWaitingSettings(db),
  ]);
  const schedule = stored?.schedule ?? null;
  const plan = schedule ? resolveMonth(schedule, month) : null;

  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t.intro}</p>
      <div className="mt-4">
        <ScheduleVersionSummary stored={stored} />
      </div>
      <nav aria-label={t.contents} className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {schedule ? <a href="#calendar" className="text-brand-700 underline">{t.calendar.title}</a> : null}
        <a href="#preview" className="text-brand-700 underline">{t.preview.title}</a>
        {schedule ? <a href="#exceptions" className="text-brand-700 underline">{t.exceptions.title}</a> : null}
        <a href="#rules" className="text-brand-700 underline">{t.rules.title}</a>
        <a href="#templates" className="text-brand-700 underline">{t.templates.title}</a>
      </nav>

      {plan ? (
        <PageSection id="calendar" title={t.calendar.title}>
          {params.month !== undefined && !requestedMonth.success ? (
            <p role="alert" className="mb-2 text-sm text-red-700">
              {t.calendar.badMonth}
            </p>
          ) : null}
          <MonthCalendar
            plan={plan}
            today={today}
            links={{ previous: pageHref(plan.previous, preview), current: pageHref(today.slice(0, 7), preview), next: pageHref(plan.next, preview) }}
          />
        </PageSection>
      ) : null}

      <PageSection id="preview" title={t.preview.title} hint={t.preview.hint}>
        <AutoReplyPreview
          month={month}
          date={preview?.date ?? today}
          time={preview?.time ?? clockOf(at, "HH:mm")}
          badInput={(params.date !== undefined || params.time !== undefined) && !preview}
          result={previewResult}
        />
      </PageSection>

      {schedule ? (
        <PageSection id="exceptions" title={t.exceptions.title} hint={t.exceptions.hint}>
          <div className="grid gap-4 lg:grid-cols-2">
            <AddClosureForm />
            <AddOpeningForm />
          </div>
          <div className="mt-6">
            <ExceptionList closures={schedule.closures} openings={schedule.openings} />
          </div>
        </PageSection>
      ) : null}

      <PageSection id="rules" title={t.rules.title} hint={t.rules.hint}>
        <ScheduleRulesForm
          initial={schedule ? { servicePeriod: schedule.servicePeriod, weekly: [...schedule.weekly], holidays: schedule.holidays } : emptyRules}
          exceptions={{ closures: schedule?.closures ?? [], openings: schedule?.openings ?? [] }}
          basedOnVersion={stored?.version ?? null}
        />
      </PageSection>

      <PageSection id="templates" title={t.templates.title} hint={t.templates.hint}>
        <AutoReplyTemplateList templates={templates} waiting={waiting} />
      </PageSection>
    </StaffShell>
  );
}
