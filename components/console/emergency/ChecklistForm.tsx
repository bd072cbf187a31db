"use client";

import { useState, useTransition } from "react";
import { saveChecklistAction } from "@/app/_actions/emergency";
import { secondaryButtonClass } from "@/components/ui/styles";
import { checklistAnswers, checklistItems, CHECKLIST_NOTE_MAX, type Checklist } from "@/lib/emergencies/client";
import { ja } from "@/lib/i18n/ja";

const t = ja.emergency;

/** Desire, plan, means, timeframe, whereabouts, safe now: each yes / no / unknown with a short note, saved as a whole. */
export function ChecklistForm({ emergencyId, checklist, disabled }: { emergencyId: string; checklist: Checklist; disabled: boolean }) {
  const [value, setValue] = useState(checklist);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  return (
    <form
      aria-labelledby="checklist-title"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await saveChecklistAction(emergencyId, value);
          setMessage(result.message);
          setErrors(result.fieldErrors ?? {});
        });
      }}
    >
      <h3 id="checklist-title" className="font-bold">
        {t.checklistTitle}
      </h3>
      {checklistItems.map((item) => (
        <fieldset key={item} className="rounded border border-slate-200 p-2" data-testid={`checklist-${item}`}>
          <legend className="text-sm font-medium">{t.items[item]}</legend>
          <div className="flex flex-wrap gap-3">
            {checklistAnswers.map((answer) => (
              <label key={answer} className="flex items-center gap-1 text-sm">
                <input
                  type="radio"
                  name={`checklist-${item}`}
                  value={answer}
                  checked={value[item].answer === answer}
                  disabled={disabled}
                  onChange={() => setValue({ ...value, [item]: { ...value[item], answer } })}
                />
                {t.answers[answer]}
              </label>
            ))}
          </div>
          <label className="mt-1 block text-sm">
            <span className="sr-only">
              {t.items[item]} {t.note}
            </span>
            <input
              type="text"
              maxLength={CHECKLIST_NOTE_MAX}
              placeholder={t.note}
              value={value[item].note}
              disabled={disabled}
              aria-invalid={errors[`${item}.note`] ? true : undefined}
              onChange={(e) => setValue({ ...value, [item]: { ...value[item], note: e.target.value } })}
              className="w-full rounded border border-slate-300 px-2 py-1"
            />
          </label>
          {errors[`${item}.note`] ? <p role="alert" className="text-sm text-red-700">{errors[`${item}.note`]}</p> : null}
        </fieldset>
      ))}
      {disabled ? null : (
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {t.checklistSave}
        </button>
      )}
      {message ? <p role="status" className="text-sm">{message}</p> : null}
    </form>
  );
}
