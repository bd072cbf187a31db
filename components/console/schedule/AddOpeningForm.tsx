"use client";

import { useForm } from "react-hook-form";
import { addOpeningAction } from "@/app/_actions/schedule";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { openingSchema, type Opening } from "@/lib/schedule";
import { describedBy, issuesOf, unplacedMessages } from "./issues";
import { SubmitStatusMessage } from "./SubmitStatusMessage";
import { TimeframeRows } from "./TimeframeRows";
import { useScheduleSubmit } from "./use-schedule-submit";

const t = ja.scheduleAdmin.exceptions;
// The helpline's usual evening, as the most likely shape of an extra session.
const defaultValues: Opening = { date: "", timeframes: [{ start: "20:00", end: "24:00" }], reason: "" };

export function AddOpeningForm() {
  const { register, control, handleSubmit, reset, formState } = useForm<Opening>({ defaultValues });
  const { issues, status, submit } = useScheduleSubmit(
    (values: Opening) => {
      const parsed = openingSchema.safeParse(values);
      return parsed.success ? null : issuesOf(parsed.error);
    },
    addOpeningAction,
  );
  const others = unplacedMessages(issues, (path) => path === "date" || path === "reason" || path === "timeframes" || path.startsWith("timeframes."));

  return (
    <form
      noValidate
      aria-labelledby="opening-title"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
      onSubmit={handleSubmit(async (values) => {
        if (await submit(values)) reset(defaultValues);
      })}
    >
      <h3 id="opening-title" className="font-semibold">
        {t.openingTitle}
      </h3>
      <div>
        <label htmlFor="opening-date" className={labelClass}>
          {t.date}
        </label>
        <input id="opening-date" type="date" className={inputClass} {...describedBy(issues.date, "opening-date-error")} {...register("date")} />
        <FieldError id="opening-date-error" message={issues.date} />
      </div>
      <TimeframeRows control={control} register={register} name="timeframes" label={ja.scheduleAdmin.timeframes.legend} idPrefix="opening-tf" issues={issues} />
      <div>
        <label htmlFor="opening-reason" className={labelClass}>
          {t.reason}
        </label>
        <input id="opening-reason" className={inputClass} {...describedBy(issues.reason, "opening-reason-error")} {...register("reason")} />
        <FieldError id="opening-reason-error" message={issues.reason} />
      </div>
      {others.map((message) => (
        <p key={message} role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ))}
      <SubmitStatusMessage status={status} />
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {t.addOpening}
      </button>
    </form>
  );
}
