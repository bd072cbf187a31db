"use client";

import { useForm, type ArrayPath } from "react-hook-form";
import { saveRulesAction } from "@/app/_actions/schedule";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { parseSchedule, type Schedule, type Timeframe } from "@/lib/schedule";
import { describedBy, issuesFromList, unplacedMessages } from "./issues";
import { SubmitStatusMessage } from "./SubmitStatusMessage";
import { TimeframeRows } from "./TimeframeRows";
import { useScheduleSubmit } from "./use-schedule-submit";

export type RulesValues = {
  servicePeriod: { from: string; to: string };
  weekly: Timeframe[][];
  holidays: { enabled: boolean; timeframes: Timeframe[] };
};

const t = ja.scheduleAdmin.rules;
const ownPaths = ["servicePeriod", "weekly", "holidays"];

/**
 * The weekly timeframes, holiday rule and service period. Checked on the client with the very
 * schema the server uses, against the closures and openings in force, so a period that would
 * leave a closure outside is caught before sending; the server checks again under its lock.
 */
export function ScheduleRulesForm({ initial, exceptions, basedOnVersion }: { initial: RulesValues; exceptions: Pick<Schedule, "closures" | "openings">; basedOnVersion: number | null }) {
  const { register, control, handleSubmit, formState } = useForm<RulesValues>({ defaultValues: initial });
  const { issues, status, submit } = useScheduleSubmit(
    (values: RulesValues) => {
      const parsed = parseSchedule({ timezone: "Asia/Tokyo", ...values, ...exceptions });
      return parsed.success ? null : issuesFromList(parsed.issues);
    },
    (values: RulesValues) => saveRulesAction({ basedOnVersion, rules: values }),
  );
  const others = unplacedMessages(issues, (path) => ownPaths.some((own) => path === own || path.startsWith(`${own}.`)));

  return (
    <form noValidate onSubmit={handleSubmit(submit)} className="space-y-6">
      <fieldset className="rounded-md border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t.servicePeriod}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="period-from" className={labelClass}>
              {t.from}
            </label>
            <input id="period-from" type="date" className={inputClass} {...describedBy(issues["servicePeriod.from"], "period-from-error")} {...register("servicePeriod.from")} />
            <FieldError id="period-from-error" message={issues["servicePeriod.from"]} />
          </div>
          <div>
            <label htmlFor="period-to" className={labelClass}>
              {t.to}
            </label>
            <input id="period-to" type="date" className={inputClass} {...describedBy(issues["servicePeriod.to"], "period-to-error")} {...register("servicePeriod.to")} />
            <FieldError id="period-to-error" message={issues["servicePeriod.to"]} />
          </div>
        </div>
      </fieldset>

      <div>
        <h3 className="font-semibold">{t.weekly}</h3>
        <p className="text-sm text-slate-600">{ja.scheduleAdmin.timeframes.format}</p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {t.weekdayNames.map((name, day) => (
            <TimeframeRows
              key={name}
              control={control}
              register={register}
              name={`weekly.${day}` as ArrayPath<RulesValues>}
              label={name}
              idPrefix={`weekly-${day}`}
              issues={issues}
            />
          ))}
        </div>
        <FieldError id="weekly-error" message={issues.weekly} />
      </div>

      <fieldset className="rounded-md border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t.holidays}</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" {...register("holidays.enabled")} />
          {t.holidaysEnabled}
        </label>
        <div className="mt-2 max-w-sm">
          <TimeframeRows control={control} register={register} name="holidays.timeframes" label={t.holidayTimeframes} idPrefix="holidays" issues={issues} />
        </div>
      </fieldset>

      {others.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-semibold">{t.otherIssues}</p>
          <ul className="mt-1 list-disc pl-5">
            {others.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <SubmitStatusMessage status={status} testId="rules-status" />
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {t.save}
      </button>
    </form>
  );
}
