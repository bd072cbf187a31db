"use client";

import { useState, useTransition } from "react";
import { saveReportCoverAction, type CoverActionState } from "@/app/_actions/reports";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const t = ja.reports.cover;
const fields = ["addressee", "businessName", "contractor", "manager"] as const;
type Cover = Record<(typeof fields)[number], string>;

/** Admins set the cover block of the report files; each save is a new, audited version. */
export function CoverSettingsForm({ initial, saved }: { initial: Cover; saved: boolean }) {
  const [value, setValue] = useState<Cover>(initial);
  const [state, setState] = useState<CoverActionState>({ ok: true, message: saved ? null : t.unsaved });
  const [pending, start] = useTransition();
  return (
    <form
      className="grid max-w-2xl gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => setState(await saveReportCoverAction(value)));
      }}
      noValidate
    >
      {fields.map((field) => (
        <div key={field}>
          <label htmlFor={`cover-${field}`} className={labelClass}>
            {t[field]}
          </label>
          <input
            id={`cover-${field}`}
            value={value[field]}
            onChange={(e) => setValue({ ...value, [field]: e.target.value })}
            className={inputClass}
            aria-invalid={state.fieldErrors?.[field] ? true : undefined}
            aria-describedby={state.fieldErrors?.[field] ? `cover-${field}-error` : undefined}
          />
          <FieldError id={`cover-${field}-error`} message={state.fieldErrors?.[field]} />
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {t.save}
        </button>
        {state.message ? (
          <p role="status" className={state.ok ? "text-sm text-green-800" : "text-sm text-slate-700"}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
