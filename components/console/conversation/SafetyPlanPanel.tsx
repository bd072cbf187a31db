"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveSafetyPlanAction, sendSafetyPlanAction, type SafetyPlanActionState } from "@/app/_actions/safety-plans";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import type { SafetyPlan, SafetyPlanSection } from "@/lib/safety-plans";

const t = ja.safetyPlan;
const sections: SafetyPlanSection[] = ["warningSigns", "whatHelps", "people", "places", "numbers"];

/** The safety plan made with the youth: one textarea per section (a line per item), saved as versions and sent to the youth's chat. */
export function SafetyPlanPanel({ consultationId, plan, versions }: { consultationId: string; plan: SafetyPlan; versions: { version: number; label: string }[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [state, setState] = useState<SafetyPlanActionState | null>(null);
  const [text, setText] = useState(() => Object.fromEntries(sections.map((s) => [s, plan[s].join("\n")])) as Record<SafetyPlanSection, string>);
  const errors = state?.fieldErrors ?? {};
  const run = (work: () => Promise<SafetyPlanActionState>) =>
    start(async () => {
      const result = await work();
      setState(result);
      if (result.ok) router.refresh();
    });
  return (
    <section aria-labelledby="safety-plan-title" className="rounded-md border border-sky-300 bg-sky-50 p-3" data-testid="safety-plan-panel">
      <h2 id="safety-plan-title" className="font-bold">{t.title}</h2>
      <p className="text-sm text-slate-600">{t.hint}</p>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => saveSafetyPlanAction(consultationId, text));
        }}
      >
        {sections.map((section) => (
          <div key={section}>
            <label htmlFor={`plan-${section}`} className={labelClass}>
              {t[section]} <span className="text-xs text-slate-700">（{t.oneALine}）</span>
            </label>
            <textarea
              id={`plan-${section}`}
              rows={2}
              value={text[section]}
              onChange={(e) => setText({ ...text, [section]: e.target.value })}
              className={inputClass}
              {...(errors[section] ? { "aria-invalid": true, "aria-describedby": `plan-err-${section}` } : {})}
            />
            <FieldError id={`plan-err-${section}`} message={errors[section]} />
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={secondaryButtonClass} disabled={pending}>{t.save}</button>
          <button type="button" className={buttonClass} disabled={pending || versions.length === 0} onClick={() => run(() => sendSafetyPlanAction(consultationId))}>
            {t.send}
          </button>
        </div>
      </form>
      {versions.length > 0 ? (
        <ul className="mt-2 text-sm" data-testid="safety-plan-versions">
          {versions.map((v) => (
            <li key={v.version}>{v.label}</li>
          ))}
        </ul>
      ) : null}
      {state?.message ? <p role="status" className="mt-2 text-sm">{state.message}</p> : null}
    </section>
  );
}
