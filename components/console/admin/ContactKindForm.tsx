"use client";

import { useState, useTransition } from "react";
import { saveContactKindAction, type ContactKindActionState } from "@/app/_actions/emergency-contact-kinds";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const t = ja.emergency.kindsAdmin;

type Kind = { id: string; label: string; sortOrder: number; active: boolean; uses: number };

/** Adds a contact kind (no `initial`) or renames, reorders, retires and reinstates one; nothing is deleted. */
export function ContactKindForm({ initial, nextOrder = 0 }: { initial?: Kind; nextOrder?: number }) {
  const empty = { label: "", sortOrder: String(nextOrder), active: true };
  const [value, setValue] = useState(initial ? { label: initial.label, sortOrder: String(initial.sortOrder), active: initial.active } : empty);
  const [state, setState] = useState<ContactKindActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const key = initial?.id ?? "new";
  const save = (next: typeof value) =>
    start(async () => {
      const result = await saveContactKindAction({ id: initial?.id, ...next });
      setState(result);
      if (result.ok) setValue(initial ? next : { ...empty, sortOrder: String(Number(next.sortOrder) + 10) });
    });
  const invalid = (name: string) => ({ "aria-invalid": state.fieldErrors?.[name] ? true : undefined, "aria-describedby": state.fieldErrors?.[name] ? `${name}-${key}-error` : undefined });
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3"
      data-testid={`contact-kind-${initial ? initial.label : "new"}`}
      onSubmit={(e) => {
        e.preventDefault();
        save(value);
      }}
    >
      <div className="min-w-48 flex-1">
        <label htmlFor={`label-${key}`} className={labelClass}>
          {t.label}
        </label>
        <input id={`label-${key}`} value={value.label} onChange={(e) => setValue({ ...value, label: e.target.value })} className={inputClass} {...invalid("label")} />
        <FieldError id={`label-${key}-error`} message={state.fieldErrors?.label} />
      </div>
      <div className="w-28">
        <label htmlFor={`sortOrder-${key}`} className={labelClass}>
          {t.order}
        </label>
        <input id={`sortOrder-${key}`} type="number" inputMode="numeric" value={value.sortOrder} onChange={(e) => setValue({ ...value, sortOrder: e.target.value })} className={inputClass} {...invalid("sortOrder")} />
        <FieldError id={`sortOrder-${key}-error`} message={state.fieldErrors?.sortOrder} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {initial ? ja.referenceAdmin.save : ja.referenceAdmin.add}
      </button>
      {initial ? (
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => save({ ...value, active: !value.active })}>
          {value.active ? ja.referenceAdmin.deactivate : ja.referenceAdmin.activate}
        </button>
      ) : null}
      {initial ? (
        <p className="text-sm text-slate-600">
          {value.active ? null : <span className="mr-2 font-semibold text-amber-800">{ja.referenceAdmin.inactive}</span>}
          {initial.uses > 0 ? t.used(initial.uses) : t.unused}
        </p>
      ) : null}
      {state.message ? (
        <p role="status" className="basis-full text-sm">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
