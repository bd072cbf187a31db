"use client";

import { useId, useState } from "react";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import type { ChoiceField, SurveyDefinition } from "@/lib/forms/client";
import { ja } from "@/lib/i18n/ja";
import { buildSurveyFormSchema, SURVEY_COMMENT_MAX } from "@/lib/surveys/client";

type Answers = { satisfaction: string; again: string; comment: string };
type Submit = (answers: Partial<Answers>) => Promise<{ error: string | null; fieldErrors?: Record<string, string> } | null>;

const optionClass =
  "flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-slate-300 bg-white px-4 py-2 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600";

/**
 * 利用者アンケート after a consultation ended: every question optional, 「答えない」 sends nothing.
 * Checked here with the schema the server checks again with.
 */
export function SurveyForm({ definition, onSubmit }: { definition: SurveyDefinition; onSubmit: Submit }) {
  const ids = { intro: useId(), comment: useId(), count: useId() };
  const [answers, setAnswers] = useState<Answers>({ satisfaction: "", again: "", comment: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function send(values: Partial<Answers>) {
    const parsed = buildSurveyFormSchema(definition).safeParse(values);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      return setErrors(found);
    }
    setSending(true);
    const refusal = await onSubmit(values);
    setSending(false);
    if (refusal) setErrors({ ...(refusal.fieldErrors ?? {}), _form: refusal.error ?? ja.survey.errors.summary });
  }

  const radios = (name: "satisfaction" | "again", field: ChoiceField) => (
    <fieldset aria-describedby={errors[name] ? `survey-${name}-error` : undefined}>
      <legend className="mb-2 text-lg font-bold">
        {field.label} <span className="text-sm font-normal text-slate-600">（{ja.survey.optional}）</span>
      </legend>
      <div className="grid grid-cols-1 gap-2">
        {field.choices
          .filter((c) => !c.retired)
          .map((c) => (
            <label key={c.id} className={optionClass}>
              <input type="radio" name={name} value={c.id} className="size-5 shrink-0 accent-brand-600" checked={answers[name] === c.id} onChange={() => setAnswers((a) => ({ ...a, [name]: c.id }))} />
              {c.label}
            </label>
          ))}
      </div>
      <FieldError id={`survey-${name}-error`} message={errors[name]} />
    </fieldset>
  );

  const length = answers.comment.trim().length;
  return (
    <form
      noValidate
      aria-labelledby="survey-title"
      aria-describedby={ids.intro}
      className="flex flex-col gap-6 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void send(answers);
      }}
    >
      <div>
        <h2 id="survey-title" className="text-xl font-bold">
          {ja.survey.title}
        </h2>
        <p id={ids.intro} className="mt-1 text-base text-slate-700">
          {definition.intro}
        </p>
      </div>
      {radios("satisfaction", definition.satisfaction)}
      {radios("again", definition.again)}
      <div>
        <label htmlFor={ids.comment} className="block text-lg font-bold">
          {definition.comment.label} <span className="text-sm font-normal text-slate-600">（{ja.survey.optional}）</span>
        </label>
        {definition.comment.hint ? <p className="text-sm text-slate-600">{definition.comment.hint}</p> : null}
        <textarea
          id={ids.comment}
          rows={3}
          value={answers.comment}
          onChange={(e) => setAnswers((a) => ({ ...a, comment: e.target.value }))}
          aria-describedby={`${ids.count}${errors.comment ? " survey-comment-error" : ""}`}
          aria-invalid={errors.comment ? true : undefined}
          className="mt-2 block w-full resize-none rounded-xl border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-600"
        />
        <p id={ids.count} aria-live="polite" className={`mt-1 text-sm ${length > SURVEY_COMMENT_MAX ? "font-semibold text-red-700" : "text-slate-600"}`}>
          {ja.survey.count(length, SURVEY_COMMENT_MAX)}
        </p>
        <FieldError id="survey-comment-error" message={errors.comment} />
      </div>
      {errors._form ? (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-3 text-base text-red-800">
          {errors._form}
        </p>
      ) : null}
      <div className="flex flex-col gap-2">
        <button type="submit" disabled={sending} className={`${buttonClass} min-h-14 text-lg`}>
          {sending ? ja.survey.submitting : ja.survey.submit}
        </button>
        <button type="button" disabled={sending} className={`${secondaryButtonClass} min-h-12`} onClick={() => void send({})}>
          {ja.survey.skip}
        </button>
      </div>
    </form>
  );
}
