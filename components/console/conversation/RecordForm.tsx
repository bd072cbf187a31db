"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { closeAction, finishRecordAction, saveDraftAction } from "@/app/_actions/console";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import type { FieldErrors, RecordDraft } from "@/lib/consultations";
import type { ChoiceField, RecordDefinition } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

/** Typing pauses this long before the draft is saved. */
const DRAFT_DELAY_MS = 1500;

type Form = Required<{ [K in keyof RecordDraft]: NonNullable<RecordDraft[K]> }>;

function fromDraft(d: RecordDraft): Form {
  return {
    ageBand: d.ageBand ?? "",
    gender: d.gender ?? "",
    topics: d.topics ?? [],
    requester: d.requester ?? "",
    visit: d.visit ?? "",
    actions: d.actions ?? [],
    contentSummary: d.contentSummary ?? "",
    responseSummary: d.responseSummary ?? "",
    outcome: d.outcome ?? "",
    referralAgencyId: d.referralAgencyId ?? "",
    emergency: d.emergency ?? false,
    emergencyNote: d.emergencyNote ?? "",
    informationShared: d.informationShared ?? false,
    outOfScope: d.outOfScope ?? false,
  };
}

/** The choices offered: those in use, plus a retired one this draft already holds so it stays visible. */
function offered(field: ChoiceField, selected: string | string[]) {
  const held = new Set(Array.isArray(selected) ? selected : [selected]);
  return field.choices.filter((c) => !c.retired || held.has(c.id));
}

/**
 * R17: the record a consultation closes with, in the categories of the record form version in force.
 * Drafts save themselves; closing shows an error beside each missing field. 年代, 性別 and 分類 may
 * arrive prefilled from the intake, which the form says so the counselor confirms them. `finish` writes
 * the record of a consultation that already ended without one.
 */
export function RecordForm({
  consultationId,
  draft,
  definition,
  prefilled,
  agencies,
  mode = "close",
}: {
  consultationId: string;
  draft: RecordDraft;
  definition: RecordDefinition;
  prefilled: boolean;
  agencies: { id: string; name: string }[];
  mode?: "close" | "finish";
}) {
  const [form, setForm] = useState<Form>(() => fromDraft(draft));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const touched = useRef(false);

  useEffect(() => {
    if (!touched.current) return;
    const timer = setTimeout(() => {
      void saveDraftAction(consultationId, form).then((r) => setStatus(r.message));
    }, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, consultationId]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    touched.current = true;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const err = (key: keyof FieldErrors) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `err-${key}` } : {});

  return (
    <form
      noValidate
      aria-labelledby="record-title"
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await (mode === "finish" ? finishRecordAction : closeAction)(consultationId, form);
          if (result && !result.ok) {
            setErrors(result.fieldErrors ?? {});
            setStatus(result.message);
          }
        });
      }}
    >
      <h2 id="record-title" className="font-bold">
        {mode === "finish" ? ja.console.recordToFinish : ja.console.record}
      </h2>
      {prefilled ? (
        <p className="text-sm text-slate-700" data-testid="record-prefilled">
          {ja.console.prefilled}
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="ageBand" className={labelClass}>{definition.ageBand.label}</label>
          <select id="ageBand" value={form.ageBand} onChange={(e) => set("ageBand", e.target.value)} className={inputClass} {...err("ageBand")}>
            <option value="">{ja.console.choose}</option>
            {offered(definition.ageBand, form.ageBand).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
          <FieldError id="err-ageBand" message={errors.ageBand} />
        </div>
        <div>
          <label htmlFor="gender" className={labelClass}>{definition.gender.label}</label>
          <select id="gender" value={form.gender} onChange={(e) => set("gender", e.target.value)} className={inputClass} {...err("gender")}>
            <option value="">{ja.console.choose}</option>
            {offered(definition.gender, form.gender).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
          <FieldError id="err-gender" message={errors.gender} />
        </div>
      </div>
      <fieldset {...err("topics")}>
        <legend className={labelClass}>{definition.topics.label}</legend>
        <div className="flex flex-wrap gap-3">
          {offered(definition.topics, form.topics).map(({ id: t, label }) => (
            <label key={t} className="flex items-center gap-1 text-sm">
              <input type="checkbox" checked={form.topics.includes(t)} onChange={(e) => set("topics", e.target.checked ? [...form.topics, t] : form.topics.filter((x) => x !== t))} />
              {label}
            </label>
          ))}
        </div>
        <FieldError id="err-topics" message={errors.topics} />
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        {definition.requester ? (
          <div>
            <label htmlFor="requester" className={labelClass}>{definition.requester.label}</label>
            <select id="requester" value={form.requester} onChange={(e) => set("requester", e.target.value)} className={inputClass} {...err("requester")}>
              <option value="">{ja.console.unknownChoice}</option>
              {offered(definition.requester, form.requester).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>
            <FieldError id="err-requester" message={errors.requester} />
          </div>
        ) : null}
        <div>
          <label htmlFor="visit" className={labelClass}>{ja.console.visit}</label>
          <select id="visit" value={form.visit} onChange={(e) => set("visit", e.target.value)} className={inputClass} {...err("visit")}>
            {Object.entries(ja.console.visitKinds).map(([id, label]) => <option key={id} value={id}>{label}</option>)}
          </select>
          <FieldError id="err-visit" message={errors.visit} />
        </div>
      </div>
      {definition.actions ? (
        <fieldset {...err("actions")}>
          <legend className={labelClass}>{definition.actions.label}</legend>
          <div className="flex flex-wrap gap-3">
            {offered(definition.actions, form.actions).map(({ id: a, label }) => (
              <label key={a} className="flex items-center gap-1 text-sm">
                <input type="checkbox" checked={form.actions.includes(a)} onChange={(e) => set("actions", e.target.checked ? [...form.actions, a] : form.actions.filter((x) => x !== a))} />
                {label}
              </label>
            ))}
          </div>
          <FieldError id="err-actions" message={errors.actions} />
        </fieldset>
      ) : null}
      <div>
        <label htmlFor="contentSummary" className={labelClass}>{ja.console.contentSummary}</label>
        <textarea id="contentSummary" rows={3} value={form.contentSummary} onChange={(e) => set("contentSummary", e.target.value)} className={inputClass} {...err("contentSummary")} />
        <FieldError id="err-contentSummary" message={errors.contentSummary} />
      </div>
      <div>
        <label htmlFor="responseSummary" className={labelClass}>{ja.console.responseSummary}</label>
        <textarea id="responseSummary" rows={3} value={form.responseSummary} onChange={(e) => set("responseSummary", e.target.value)} className={inputClass} {...err("responseSummary")} />
        <FieldError id="err-responseSummary" message={errors.responseSummary} />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="outcome" className={labelClass}>{definition.outcome.label}</label>
          <select id="outcome" value={form.outcome} onChange={(e) => set("outcome", e.target.value)} className={inputClass} {...err("outcome")}>
            <option value="">{ja.console.choose}</option>
            {offered(definition.outcome, form.outcome).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
          <FieldError id="err-outcome" message={errors.outcome} />
        </div>
        <div>
          <label htmlFor="referralAgencyId" className={labelClass}>{ja.console.referralAgency}</label>
          <select id="referralAgencyId" value={form.referralAgencyId} onChange={(e) => set("referralAgencyId", e.target.value)} className={inputClass} {...err("referralAgencyId")}>
            <option value="">{ja.console.choose}</option>
            {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
          <FieldError id="err-referralAgencyId" message={errors.referralAgencyId} />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.emergency} onChange={(e) => set("emergency", e.target.checked)} />
        {ja.console.emergency}
      </label>
      {form.emergency ? (
        <div>
          <label htmlFor="emergencyNote" className={labelClass}>{ja.console.emergencyNote}</label>
          <textarea id="emergencyNote" rows={2} value={form.emergencyNote} onChange={(e) => set("emergencyNote", e.target.value)} className={inputClass} {...err("emergencyNote")} />
          <FieldError id="err-emergencyNote" message={errors.emergencyNote} />
        </div>
      ) : null}
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" id="informationShared" checked={form.informationShared} onChange={(e) => set("informationShared", e.target.checked)} {...err("informationShared")} />
          {ja.console.informationShared}
        </label>
        <FieldError id="err-informationShared" message={errors.informationShared} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.outOfScope} onChange={(e) => set("outOfScope", e.target.checked)} />
        {ja.console.outOfScope}
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {mode === "finish" ? ja.console.finishRecord : ja.console.close}
        </button>
        {status ? <p role="status" className="text-sm">{status}</p> : null}
      </div>
    </form>
  );
}
