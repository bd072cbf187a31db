"use client";

import { useState, useTransition } from "react";
import { saveAgencyAction, type ReferenceActionState } from "@/app/_actions/references";
import { FieldError } from "@/components/ui/FieldError";
import { splitListText } from "@/components/ui/list-text";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

type Agency = { id?: string; name: string; phone: string; hours: string; url: string; topics: string; active: boolean; isExample: boolean };

const blank: Agency = { name: "", phone: "", hours: "", url: "", topics: "", active: true, isExample: false };
const fields = ["name", "phone", "hours", "url", "topics"] as const;

/** Adds a 支援機関 (no `initial`) or edits one; saving clears the "example" mark unless it is kept. */
export function AgencyForm({ initial }: { initial?: Agency }) {
  const [value, setValue] = useState<Agency>(initial ? { ...initial, isExample: false } : blank);
  const [state, setState] = useState<ReferenceActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const key = initial?.id ?? "new";
  const save = (next: Agency) =>
    start(async () => {
      const topics = splitListText(next.topics);
      const result = await saveAgencyAction({ ...next, topics });
      setState(result);
      if (result.ok && !initial) setValue(blank);
    });
  return (
    <form
      className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        save(value);
      }}
    >
      {initial?.isExample ? <p className="text-sm font-semibold text-amber-800">{ja.referenceAdmin.example}</p> : null}
      <div className="grid gap-2 md:grid-cols-2">
        {fields.map((f) => (
          <div key={f}>
            <label htmlFor={`${f}-${key}`} className={labelClass}>{ja.referenceAdmin[f]}</label>
            <input id={`${f}-${key}`} value={value[f]} onChange={(e) => setValue({ ...value, [f]: e.target.value })} className={inputClass} />
            <FieldError id={`${f}-${key}-error`} message={state.fieldErrors?.[f]} />
          </div>
        ))}
      </div>
      {initial?.isExample ? (
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={value.isExample} onChange={(e) => setValue({ ...value, isExample: e.target.checked })} />
          {ja.referenceAdmin.keepExample}
        </label>
      ) : null}
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
