"use client";

import { useState, useTransition } from "react";
import { setPriorityAction, type PriorityActionState } from "@/app/_actions/console";
import { FieldError } from "@/components/ui/FieldError";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

/** Raises or lowers the consultation's priority by hand, with the reason kept as a staff-only note. */
export function PriorityForm({ consultationId, priority }: { consultationId: string; priority: number }) {
  const t = ja.console.setPriority;
  const [level, setLevel] = useState(String(priority));
  const [reason, setReason] = useState("");
  const [state, setState] = useState<PriorityActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  return (
    <form
      aria-labelledby="priority-title"
      className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await setPriorityAction(consultationId, { priority: level, reason });
          setState(result);
          if (result.ok) setReason("");
        });
      }}
    >
      <h2 id="priority-title" className="font-bold">{t.title}</h2>
      <label htmlFor="priority-level" className={labelClass}>{t.level}</label>
      <select id="priority-level" value={level} onChange={(e) => setLevel(e.target.value)} className={inputClass} aria-describedby={state.fieldErrors?.priority ? "priority-level-error" : undefined}>
        {[0, 1, 2].map((p) => (
          <option key={p} value={p}>{t.levels[p]}</option>
        ))}
      </select>
      <FieldError id="priority-level-error" message={state.fieldErrors?.priority} />
      <label htmlFor="priority-reason" className={labelClass}>{t.reason}</label>
      <textarea
        id="priority-reason"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className={inputClass}
        aria-invalid={state.fieldErrors?.reason ? true : undefined}
        aria-describedby={state.fieldErrors?.reason ? "priority-reason-error" : undefined}
      />
      <FieldError id="priority-reason-error" message={state.fieldErrors?.reason} />
      <div className="flex items-center gap-2">
        <button type="submit" className={secondaryButtonClass} disabled={pending}>{t.submit}</button>
        {state.message && !state.fieldErrors ? <p role="status" className="text-sm">{state.message}</p> : null}
      </div>
    </form>
  );
}
