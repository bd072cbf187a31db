"use client";

import { useState, useTransition } from "react";
import { saveReportRemarksAction, type RemarksActionState } from "@/app/_actions/reports";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const t = ja.reports.remarks;

/**
 * The supervisor's 所見・特記事項 for the month. The caution stays in view while writing; a phone
 * number or an e-mail address stops the save until the writer confirms.
 */
export function RemarksEditor({ period, initial, version, savedLine, maxLength }: { period: string; initial: string; version: number | null; savedLine: string | null; maxLength: number }) {
  const [body, setBody] = useState(initial);
  const [base, setBase] = useState(version);
  const [state, setState] = useState<RemarksActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const save = (confirmed: boolean) =>
    start(async () => {
      const result = await saveReportRemarksAction({ period, body, confirmed, baseVersion: base });
      setState(result);
      if (result.ok && result.version !== undefined) setBase(result.version);
    });
  return (
    <section aria-labelledby="remarks-title" className="mt-6 max-w-3xl rounded-md border border-slate-200 bg-white p-4">
      <h2 id="remarks-title" className="text-lg font-semibold">
        {t.title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t.intro}</p>
      <p id="remarks-caution" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm font-medium text-amber-900">
        {t.caution}
      </p>
      <form
        className="mt-3"
        onSubmit={(e) => {
          e.preventDefault();
          save(false);
        }}
      >
        <label htmlFor="remarks-body" className={labelClass}>
          {t.label}
        </label>
        <textarea
          id="remarks-body"
          rows={6}
          maxLength={maxLength}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            if (state.warnings) setState({ ok: true, message: null });
          }}
          aria-describedby="remarks-caution"
          className={inputClass}
        />
        {savedLine ? <p className="mt-1 text-xs text-slate-600">{savedLine}</p> : null}
        {state.warnings ? (
          <div role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
            <ul className="list-disc pl-5">
              {state.warnings.map((w) => (
                <li key={w}>{t.warnings[w]}</li>
              ))}
            </ul>
            <p className="mt-1">{t.warningHint}</p>
            <button type="button" className={`${secondaryButtonClass} mt-2`} disabled={pending} onClick={() => save(true)}>
              {t.saveAnyway}
            </button>
          </div>
        ) : null}
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass} disabled={pending}>
            {t.save}
          </button>
          {state.message ? (
            <p role="status" className={state.ok ? "text-sm text-green-800" : "text-sm text-red-700"}>
              {state.message}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
