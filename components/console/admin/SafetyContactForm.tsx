"use client";

import { useState, useTransition } from "react";
import { saveContactAction, type RiskActionState } from "@/app/_actions/risk";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import type { SafetyContact } from "@/lib/safety";

const t = ja.riskAdmin;

type Value = Omit<SafetyContact, "id"> & { id?: string };

/** Adds a number (no `initial`) or edits one: label, number, short note, order, shown or not. */
export function SafetyContactForm({ initial, nextOrder = 0 }: { initial?: SafetyContact; nextOrder?: number }) {
  const empty: Value = { label: "", number: "", note: "", sortOrder: nextOrder, active: true };
  const [value, setValue] = useState<Value>(initial ?? empty);
  const [state, setState] = useState<RiskActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const key = initial?.id ?? "new";
  const field = (name: "label" | "number" | "note", label: string) => (
    <div className="min-w-40 flex-1">
      <label htmlFor={`${name}-${key}`} className={labelClass}>
        {label}
      </label>
      <input id={`${name}-${key}`} value={value[name]} onChange={(e) => setValue({ ...value, [name]: e.target.value })} className={inputClass} aria-invalid={Boolean(state.fieldErrors?.[name])} />
      <FieldError id={`${name}-${key}-error`} message={state.fieldErrors?.[name]} />
    </div>
  );
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3"
      data-testid={`safety-contact-${key}`}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await saveContactAction(value);
          setState(result);
          if (result.ok && !initial) setValue({ ...empty, sortOrder: value.sortOrder + 10 });
        });
      }}
    >
      {field("label", t.contactLabel)}
      {field("number", t.contactNumber)}
      {field("note", t.contactNote)}
      <div className="w-24">
        <label htmlFor={`order-${key}`} className={labelClass}>
          {t.contactOrder}
        </label>
        <input id={`order-${key}`} type="number" value={value.sortOrder} onChange={(e) => setValue({ ...value, sortOrder: Number(e.target.value) })} className={inputClass} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={value.active} onChange={(e) => setValue({ ...value, active: e.target.checked })} />
        {t.contactActive}
      </label>
      <button type="submit" className={buttonClass} disabled={pending}>
        {initial ? t.templateSave : t.addContact}
      </button>
      {state.message ? (
        <p role="status" className="text-sm">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
