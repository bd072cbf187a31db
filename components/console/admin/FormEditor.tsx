"use client";

import { useState, useTransition } from "react";
import { saveFormAction, type FormActionState } from "@/app/_actions/forms";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { choiceFieldsOf, type ChoiceField, type FormDefinition, type FormKind } from "@/lib/forms/client";
import { ja } from "@/lib/i18n/ja";

const t = ja.formsAdmin;
type FieldName = (typeof choiceFieldsOf)[FormKind][number];
/** Choices added in this edit: their id may still be typed, and they may be taken back before saving. */
type EditedField = ChoiceField & { fresh: boolean[] };

/**
 * Edits one form's current version: rename the labels, add a choice, retire one (never delete: stored
 * answers name it). Saving sends the whole definition; the server validates it and stores a new version.
 */
export function FormEditor({ kind, version, definition }: { kind: FormKind; version: number; definition: FormDefinition }) {
  const [draft, setDraft] = useState<FormDefinition>(definition);
  // After a save the edited draft is the version in force; the next save builds on it.
  const [base, setBase] = useState(version);
  const [fresh, setFresh] = useState<Record<string, boolean[]>>({});
  const [note, setNote] = useState("");
  const [state, setState] = useState<FormActionState>({ ok: true, message: null });
  const [pending, start] = useTransition();
  const errors = state.fieldErrors ?? {};
  // Optional fields (相談者の属性, 対応の内容) are absent from versions saved before they existed.
  const fields = (choiceFieldsOf[kind] as readonly FieldName[]).filter((name) => (draft as unknown as Record<string, unknown>)[name] !== undefined);

  const fieldOf = (name: FieldName): EditedField => {
    const field = (draft as unknown as Record<FieldName, ChoiceField>)[name];
    return { ...field, fresh: fresh[name] ?? [] };
  };
  const setField = (name: FieldName, field: ChoiceField, freshRows?: boolean[]) => {
    setDraft((d) => ({ ...d, [name]: field }) as FormDefinition);
    if (freshRows) setFresh((f) => ({ ...f, [name]: freshRows }));
  };
  const err = (key: string) => (errors[key] ? { "aria-invalid": true as const, "aria-describedby": `${kind}-${key}-error` } : {});
  const message = (key: string) => <FieldError id={`${kind}-${key}-error`} message={errors[key]} />;

  const text = (key: string, label: string, value: string, onChange: (v: string) => void, rows?: number) => (
    <div>
      <label htmlFor={`${kind}-${key}`} className={labelClass}>
        {label}
      </label>
      {rows ? (
        <textarea id={`${kind}-${key}`} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} {...err(key)} />
      ) : (
        <input id={`${kind}-${key}`} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} {...err(key)} />
      )}
      {message(key)}
    </div>
  );

  return (
    <form
      noValidate
      className="mt-3 flex flex-col gap-5 rounded-md border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await saveFormAction({ kind, basedOnVersion: base, definition: draft, note });
          setState(result);
          if (result.ok && result.version) {
            setBase(result.version);
            setFresh({});
            setNote("");
          }
        });
      }}
    >
      {fields.map((name) => {
        const field = fieldOf(name);
        const fieldName = t.fieldNames[name];
        return (
          <fieldset key={name} className="rounded border border-slate-200 p-3" data-testid={`${kind}-${name}`}>
            <legend className="px-1 font-semibold">{fieldName}</legend>
            {text(`${name}.label`, t.fieldLabel, field.label, (v) => setField(name, { ...field, label: v }))}
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[28rem] table-fixed text-sm">
                <thead>
                  <tr className="text-left text-slate-600">
                    <th className="w-1/3 py-1 pr-2 font-medium">{t.choiceId}</th>
                    <th className="py-1 pr-2 font-medium">{t.choiceLabel}</th>
                    <th className="w-24 py-1 font-medium">{t.retired}</th>
                  </tr>
                </thead>
                <tbody>
                  {field.choices.map((choice, i) => {
                    const isFresh = field.fresh[i] === true;
                    const rowKey = `${name}.choices.${i}`;
                    const update = (patch: Partial<ChoiceField["choices"][number]>) =>
                      setField(name, { ...field, choices: field.choices.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
                    return (
                      <tr key={i} className="align-top">
                        <td className="py-1 pr-2">
                          {isFresh ? (
                            <>
                              <input aria-label={`${fieldName} ${t.choiceId}（${i + 1}）`} value={choice.id} onChange={(e) => update({ id: e.target.value })} className={inputClass} {...err(`${rowKey}.id`)} />
                              {message(`${rowKey}.id`)}
                            </>
                          ) : (
                            <code>{choice.id}</code>
                          )}
                        </td>
                        <td className="py-1 pr-2">
                          <input aria-label={`${fieldName} ${choice.id || i + 1} ${t.choiceLabel}`} value={choice.label} onChange={(e) => update({ label: e.target.value })} className={inputClass} {...err(`${rowKey}.label`)} />
                          {message(`${rowKey}.label`)}
                        </td>
                        <td className="py-1">
                          {isFresh ? (
                            <button
                              type="button"
                              className={secondaryButtonClass}
                              onClick={() => setField(name, { ...field, choices: field.choices.filter((_, j) => j !== i) }, field.fresh.filter((_, j) => j !== i))}
                            >
                              {t.removeNew}
                            </button>
                          ) : (
                            <input type="checkbox" aria-label={`${fieldName} ${choice.id} ${t.retired}`} checked={choice.retired} onChange={(e) => update({ retired: e.target.checked })} className="mt-3 size-5" />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {message(`${name}.choices`)}
            {name === "outcome" ? null : (
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => {
                    const rows = field.choices.map((_, j) => field.fresh[j] === true);
                    setField(name, { ...field, choices: [...field.choices, { id: "", label: "", retired: false }] }, [...rows, true]);
                  }}
                >
                  {t.addChoice}（{fieldName}）
                </button>
                <span className="text-xs text-slate-600">{t.newChoiceHint}</span>
              </div>
            )}
          </fieldset>
        );
      })}
      {draft.kind === "intake" ? (
        <fieldset className="flex flex-col gap-3 rounded border border-slate-200 p-3">
          {text("note.label", t.noteLabel, draft.note.label, (v) => setDraft({ ...draft, note: { ...draft.note, label: v } }))}
          {text("note.hint", t.noteHint, draft.note.hint, (v) => setDraft({ ...draft, note: { ...draft.note, hint: v } }))}
          {text("consent.title", t.consentTitle, draft.consent.title, (v) => setDraft({ ...draft, consent: { ...draft.consent, title: v } }))}
          {text("consent.body", t.consentBody, draft.consent.body, (v) => setDraft({ ...draft, consent: { ...draft.consent, body: v } }), 6)}
          {text("consent.agree", t.consentAgree, draft.consent.agree, (v) => setDraft({ ...draft, consent: { ...draft.consent, agree: v } }))}
        </fieldset>
      ) : null}
      {draft.kind === "survey" ? (
        <fieldset className="flex flex-col gap-3 rounded border border-slate-200 p-3">
          {text("intro", t.surveyIntro, draft.intro, (v) => setDraft({ ...draft, intro: v }), 3)}
          {text("comment.label", t.commentLabel, draft.comment.label, (v) => setDraft({ ...draft, comment: { ...draft.comment, label: v } }))}
          {text("comment.hint", t.commentHint, draft.comment.hint, (v) => setDraft({ ...draft, comment: { ...draft.comment, hint: v } }))}
          {text("thanks", t.surveyThanks, draft.thanks, (v) => setDraft({ ...draft, thanks: v }), 3)}
        </fieldset>
      ) : null}
      {text("changeNote", t.changeNote, note, setNote)}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t.saving : t.save}
        </button>
        {state.message ? (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "" : "text-red-700"}`}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
