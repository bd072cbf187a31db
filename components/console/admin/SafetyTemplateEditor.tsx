"use client";

import { useState, useTransition } from "react";
import { saveSafetyTemplateAction, type RiskActionState } from "@/app/_actions/risk";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import type { SafetyTemplate } from "@/lib/safety";

const t = ja.riskAdmin;

/** One part of the safety reply's wording: save, or go back to the default. */
export function SafetyTemplateEditor({ kind, body }: SafetyTemplate) {
  const [text, setText] = useState(body);
  const [state, setState] = useState<RiskActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const id = `safety-template-${kind}`;
  const submit = (next: string | null) =>
    start(async () => {
      const result = await saveSafetyTemplateAction({ kind, body: next });
      setState(result);
      if (result.ok && next === null) setText(ja.safetyReply[kind]);
    });
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3" data-testid={id}>
      <label htmlFor={id} className={labelClass}>
        {t.templateNames[kind]}
      </label>
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} className={inputClass} aria-invalid={Boolean(state.fieldErrors?.body)} />
      <FieldError id={`${id}-error`} message={state.fieldErrors?.body} />
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} disabled={pending} onClick={() => submit(text)}>
          {t.templateSave}
        </button>
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => submit(null)}>
          {t.templateRestore}
        </button>
        {state.message ? (
          <p role="status" className="text-sm">
            {state.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
