"use client";

import { useState, useTransition } from "react";
import { saveCannedAction, type ReferenceActionState } from "@/app/_actions/references";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

type Canned = { id?: string; title: string; body: string; active: boolean };

/** Adds a 定型文 (no `initial`) or edits one. */
export function CannedForm({ initial }: { initial?: Canned }) {
  const [value, setValue] = useState<Canned>(initial ?? { title: "", body: "", active: true });
  const [state, setState] = useState<ReferenceActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const key = initial?.id ?? "new";
  const save = (next: Canned) =>
    start(async () => {
      const result = await saveCannedAction(next);
      setState(result);
      if (result.ok && !initial) setValue({ title: "", body: "", active: true });
    });
  return (
    <form
      className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        save(value);
      }}
    >
      <label htmlFor={`title-${key}`} className={labelClass}>{ja.referenceAdmin.title}</label>
      <input id={`title-${key}`} value={value.title} onChange={(e) => setValue({ ...value, title: e.target.value })} className={inputClass} />
      <FieldError id={`title-${key}-error`} message={state.fieldErrors?.title} />
      <label htmlFor={`body-${key}`} className={labelClass}>{ja.referenceAdmin.body}</label>
      <textarea id={`body-${key}`} rows={3} value={value.body} onChange={(e) => setValue({ ...value, body: e.target.value })} className={inputClass} />
      <FieldError id={`body-${key}-error`} message={state.fieldErrors?.body} />
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {initial ? ja.referenceAdmin.save : ja.referenceAdmin.add}
        </button>
        {initial ? (
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => save({ ...value, active: !value.active })}>
            {value.active ? ja.referenceAdmin.deactivate : ja.referenceAdmin.activate}
          </button>
        ) : null}
        {initial && !initial.active ? <span className="text-sm text-slate-600">{ja.referenceAdmin.inactive}</span> : null}
        {state.message ? <p role="status" className="text-sm">{state.message}</p> : null}
      </div>
    </form>
  );
}
