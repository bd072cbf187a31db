"use client";

import { useState, useTransition } from "react";
import { saveLexiconAction, type RiskActionState } from "@/app/_actions/risk";
import { FieldError } from "@/components/ui/FieldError";
import { joinListText, splitListText } from "@/components/ui/list-text";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import type { LexiconEntry } from "@/lib/risk";

const t = ja.riskAdmin;

type Row = { term: string; level: LexiconEntry["level"]; exclusions: string };

/** The risk words as rows (term, level, exclusions); saving makes the next version, errors show under their row. */
export function RiskLexiconEditor({ version, entries }: { version: number; entries: LexiconEntry[] }) {
  const [rows, setRows] = useState<Row[]>(entries.map((e) => ({ term: e.term, level: e.level, exclusions: joinListText(e.exclusions) })));
  const [note, setNote] = useState("");
  const [state, setState] = useState<RiskActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const update = (i: number, change: Partial<Row>) => setRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  const errorOf = (i: number, field: "term" | "exclusions") =>
    Object.entries(state.fieldErrors ?? {}).find(([key]) => key === `${i}.${field}` || key.startsWith(`${i}.${field}.`))?.[1];

  function save() {
    start(async () => {
      const result = await saveLexiconAction({ basedOnVersion: version, note, entries: rows.map((r) => ({ term: r.term, level: r.level, exclusions: splitListText(r.exclusions) })) });
      setState(result);
    });
  }

  return (
    <form
      className="mt-4 flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left">
            <th className="p-1">{t.term}</th>
            <th className="p-1">{t.level}</th>
            <th className="p-1">{t.exclusions}</th>
            <th className="p-1" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="align-top" data-testid="risk-term-row">
              <td className="p-1">
                <input aria-label={`${t.term} ${i + 1}`} value={row.term} onChange={(e) => update(i, { term: e.target.value })} className={inputClass} aria-invalid={Boolean(errorOf(i, "term"))} />
                <FieldError id={`term-${i}-error`} message={errorOf(i, "term")} />
              </td>
              <td className="p-1">
                <select aria-label={`${t.level} ${i + 1}`} value={row.level} onChange={(e) => update(i, { level: e.target.value as Row["level"] })} className={inputClass}>
                  <option value="high">{t.levels.high}</option>
                  <option value="concern">{t.levels.concern}</option>
                </select>
              </td>
              <td className="p-1">
                <input aria-label={`${t.exclusions} ${i + 1}`} placeholder={t.exclusionsHint} value={row.exclusions} onChange={(e) => update(i, { exclusions: e.target.value })} className={inputClass} />
                <FieldError id={`exclusions-${i}-error`} message={errorOf(i, "exclusions")} />
              </td>
              <td className="p-1">
                <button type="button" className={secondaryButtonClass} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <button type="button" className={secondaryButtonClass} onClick={() => setRows([...rows, { term: "", level: "high", exclusions: "" }])}>
          {t.addTerm}
        </button>
      </div>
      <label htmlFor="risk-note" className={labelClass}>
        {t.note}
      </label>
      <input id="risk-note" value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t.saving : t.save}
        </button>
        {state.message ? (
          <p role="status" className={state.ok ? "text-sm text-green-800" : "text-sm text-red-700"}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
