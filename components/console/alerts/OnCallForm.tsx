"use client";

import { useState, useTransition } from "react";
import { addOnCallAction, type OnCallActionState } from "@/app/_actions/on-call";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const empty = { name: "", email: "", startsAt: "", endsAt: "" };
type Field = keyof typeof empty;

/** Adds one roster entry: who, and from when to when (Japan time). */
export function OnCallForm() {
  const [value, setValue] = useState(empty);
  const [state, setState] = useState<OnCallActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const t = ja.onCall;
  const field = (name: Field, label: string, type: string) => (
    <div>
      <label htmlFor={`oncall-${name}`} className={labelClass}>{label}</label>
      <input
        id={`oncall-${name}`}
        type={type}
        value={value[name]}
        onChange={(e) => setValue({ ...value, [name]: e.target.value })}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={state.fieldErrors?.[name] ? `oncall-${name}-error` : undefined}
        className={inputClass}
      />
      <FieldError id={`oncall-${name}-error`} message={state.fieldErrors?.[name]} />
    </div>
  );
  return (
    <form
      className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await addOnCallAction(value);
          setState(result);
          if (result.ok) setValue(empty);
        });
      }}
    >
      {field("name", t.name, "text")}
      {field("email", t.email, "email")}
      {field("startsAt", t.startsAt, "datetime-local")}
      {field("endsAt", t.endsAt, "datetime-local")}
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={buttonClass} disabled={pending}>{t.add}</button>
        {state.message ? <p role="status" className="text-sm">{state.message}</p> : null}
      </div>
    </form>
  );
}
