"use client";

import { useState, useTransition } from "react";
import { saveIncidentAction, type IncidentActionState } from "@/app/_actions/incidents";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { incidentKinds, type IncidentKind } from "@/lib/incidents/client";

/** `updatedAt` (a saved incident's version, ISO) goes back with each save, so a stale form cannot overwrite a newer save. */
type Incident = { id?: string; updatedAt?: string; kind: IncidentKind | ""; discoveredAt: string; scope: string; actions: string; cityNotifiedAt: string };

const t = ja.incidents;
const blank: Incident = { kind: "", discoveredAt: "", scope: "", actions: "", cityNotifiedAt: "" };

/** Records an incident (no `initial`) or edits one; the saved ones link to their 事故報告書. */
export function IncidentForm({ initial, recordedBy }: { initial?: Incident; recordedBy?: string }) {
  const [value, setValue] = useState<Incident>(initial ?? blank);
  const [state, setState] = useState<IncidentActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const key = initial?.id ?? "new";
  const id = (field: string) => `incident-${field}-${key}`;
  const error = (field: keyof Incident) => state.fieldErrors?.[field];
  const describedBy = (field: keyof Incident, hint?: string) => [error(field) ? `${id(field)}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const set = (field: keyof Incident) => (e: { target: { value: string } }) => setValue({ ...value, [field]: e.target.value });
  return (
    <form
      aria-label={initial ? `${t.kinds[initial.kind as IncidentKind]} ${initial.discoveredAt.replace("T", " ")}` : t.newTitle}
      className="mt-2 flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await saveIncidentAction(value);
          setState(result);
          if (result.ok && !initial) setValue(blank);
          else if (result.ok) setValue((current) => ({ ...current, updatedAt: result.updatedAt }));
        });
      }}
    >
      <div className="grid gap-2 md:grid-cols-3">
        <div>
          <label htmlFor={id("kind")} className={labelClass}>{t.kind}</label>
          <select id={id("kind")} value={value.kind} onChange={set("kind")} className={inputClass} aria-invalid={error("kind") ? true : undefined} aria-describedby={describedBy("kind")}>
            <option value="">—</option>
            {incidentKinds.map((k) => (
              <option key={k} value={k}>{t.kinds[k]}</option>
            ))}
          </select>
          <FieldError id={`${id("kind")}-error`} message={error("kind")} />
        </div>
        <div>
          <label htmlFor={id("discoveredAt")} className={labelClass}>{t.discoveredAt}</label>
          <input id={id("discoveredAt")} type="datetime-local" value={value.discoveredAt} onChange={set("discoveredAt")} className={inputClass} aria-invalid={error("discoveredAt") ? true : undefined} aria-describedby={describedBy("discoveredAt")} />
          <FieldError id={`${id("discoveredAt")}-error`} message={error("discoveredAt")} />
        </div>
        <div>
          <label htmlFor={id("cityNotifiedAt")} className={labelClass}>{t.cityNotifiedAt}</label>
          <input id={id("cityNotifiedAt")} type="datetime-local" value={value.cityNotifiedAt} onChange={set("cityNotifiedAt")} className={inputClass} aria-invalid={error("cityNotifiedAt") ? true : undefined} aria-describedby={describedBy("cityNotifiedAt", `${id("cityNotifiedAt")}-hint`)} />
          <p id={`${id("cityNotifiedAt")}-hint`} className="mt-1 text-xs text-slate-600">{t.cityNotifiedHint}</p>
          <FieldError id={`${id("cityNotifiedAt")}-error`} message={error("cityNotifiedAt")} />
        </div>
      </div>
      <div className="grid gap-2 md:grid-cols-2">
        {(["scope", "actions"] as const).map((field) => (
          <div key={field}>
            <label htmlFor={id(field)} className={labelClass}>{t[field]}</label>
            <textarea id={id(field)} rows={3} value={value[field]} onChange={set(field)} className={inputClass} aria-invalid={error(field) ? true : undefined} aria-describedby={describedBy(field)} />
            <FieldError id={`${id(field)}-error`} message={error(field)} />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>{initial ? t.save : t.record}</button>
        {initial?.id ? (
          <a href={`/api/incidents/${initial.id}/report`} className={secondaryButtonClass}>{t.report}</a>
        ) : null}
        {recordedBy ? <span className="text-sm text-slate-600">{`${t.recordedBy}: ${recordedBy}`}</span> : null}
        {state.message ? <p role="status" className="text-sm">{state.message}</p> : null}
      </div>
    </form>
  );
}
