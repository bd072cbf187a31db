"use client";

import { useForm } from "react-hook-form";
import { addClosureAction } from "@/app/_actions/schedule";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { closureSchema, type Closure } from "@/lib/schedule";
import { describedBy, issuesOf, unplacedMessages } from "./issues";
import { SubmitStatusMessage } from "./SubmitStatusMessage";
import { useScheduleSubmit } from "./use-schedule-submit";

const t = ja.scheduleAdmin.exceptions;
const fields = ["from", "to", "reason"] as const;

export function AddClosureForm() {
  const { register, handleSubmit, reset, getValues, setValue, formState } = useForm<Closure>({ defaultValues: { from: "", to: "", reason: "" } });
  const { issues, status, submit } = useScheduleSubmit(
    (values: Closure) => {
      const parsed = closureSchema.safeParse(values);
      return parsed.success ? null : issuesOf(parsed.error);
    },
    addClosureAction,
  );
  const others = unplacedMessages(issues, (path) => (fields as readonly string[]).includes(path));

  return (
    <form
      noValidate
      aria-labelledby="closure-title"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
      onSubmit={handleSubmit(async (values) => {
        if (await submit(values)) reset();
      })}
    >
      <h3 id="closure-title" className="font-semibold">
        {t.closureTitle}
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="closure-from" className={labelClass}>
            {t.from}
          </label>
          <input
            id="closure-from"
            type="date"
            className={inputClass}
            {...describedBy(issues.from, "closure-from-error")}
            {...register("from", {
              // A one-day closure is the usual case: start with the end on the same day.
              onChange: (e: { target: { value: string } }) => {
                if (!getValues("to")) setValue("to", e.target.value);
              },
            })}
          />
          <FieldError id="closure-from-error" message={issues.from} />
        </div>
        <div>
          <label htmlFor="closure-to" className={labelClass}>
            {t.to}
          </label>
          <input id="closure-to" type="date" className={inputClass} {...describedBy(issues.to, "closure-to-error")} {...register("to")} />
          <FieldError id="closure-to-error" message={issues.to} />
        </div>
      </div>
      <div>
        <label htmlFor="closure-reason" className={labelClass}>
          {t.reason}
        </label>
        <input id="closure-reason" placeholder={t.reasonPlaceholder} className={inputClass} {...describedBy(issues.reason, "closure-reason-error")} {...register("reason")} />
        <FieldError id="closure-reason-error" message={issues.reason} />
      </div>
      {others.map((message) => (
        <p key={message} role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ))}
      <SubmitStatusMessage status={status} />
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {t.addClosure}
      </button>
    </form>
  );
}
