"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { Controller, useForm, useWatch, type Path } from "react-hook-form";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass } from "@/components/ui/styles";
import { EASY_JAPANESE_AGE_BAND, type ChoiceField, type IntakeDefinition } from "@/lib/forms/client";
import { ja } from "@/lib/i18n/ja";
import { buildIntakeFormSchema, INTAKE_NOTE_MAX, type IntakeForm as Values, type IntakeFormInput as Input } from "@/lib/intake/client";
import { useEasyJapanese, YouthText } from "./EasyJapanese";

type Submit = (answers: Values) => Promise<{ error: string | null; fieldErrors?: Record<string, string> } | null>;

const optionClass =
  "flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-slate-300 bg-white px-4 py-2 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600";
const inputSize = "size-5 shrink-0 accent-brand-600";

function active(field: ChoiceField) {
  return field.choices.filter((c) => !c.retired);
}

/**
 * The intake (R13), before the chat: 年代, 性別, 相談したいこと, an optional free text and the terms.
 * Big tap targets for a phone; checked as the youth goes with the schema the server checks again with.
 * Picking 小学生 switches the page to やさしい日本語 at once (the youth may switch back with the toggle).
 */
export function IntakeForm({ definition, onSubmit }: { definition: IntakeDefinition; onSubmit: Submit }) {
  const ids = { lead: useId(), note: useId(), noteCount: useId(), consent: useId(), summary: useId() };
  const { register, control, handleSubmit, setError, formState } = useForm<Input, unknown, Values>({
    resolver: zodResolver(buildIntakeFormSchema(definition)),
    defaultValues: { topics: [], note: "" },
    shouldFocusError: true,
  });
  const errors = formState.errors;
  const [, setEasy] = useEasyJapanese();
  const youthError = (message: string | undefined) => (message ? <YouthText text={message} /> : undefined);
  const noteLength = (useWatch({ control, name: "note" }) ?? "").trim().length;
  const invalid = (name: keyof Input) => (errors[name] ? { "aria-invalid": true as const } : {});

  const submit = handleSubmit(async (values) => {
    const refusal = await onSubmit(values);
    if (!refusal) return;
    for (const [field, message] of Object.entries(refusal.fieldErrors ?? {})) setError(field as Path<Input>, { message });
    setError("root", { message: refusal.error ?? ja.liff.sendFailed });
  });

  const radios = (name: "ageBand" | "gender" | "requester", field: ChoiceField, required = true) => (
    <fieldset aria-describedby={errors[name] ? `intake-${name}-error` : undefined} {...invalid(name)}>
      <legend className="mb-2 text-lg font-bold">
        <YouthText text={field.label} />{" "}
        <span className="text-sm font-normal text-slate-600">
          （<YouthText text={required ? ja.intake.required : ja.intake.optionalChoice} />・<YouthText text={ja.intake.chooseOne} />）
        </span>
      </legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {active(field).map((c) => (
          <label key={c.id} className={optionClass}>
            <input
              type="radio"
              value={c.id}
              className={inputSize}
              {...register(name, { onChange: (e: { target: HTMLInputElement }) => name === "ageBand" && setEasy(e.target.value === EASY_JAPANESE_AGE_BAND) })}
            />
            <YouthText text={c.label} />
          </label>
        ))}
      </div>
      <FieldError id={`intake-${name}-error`} message={youthError(errors[name]?.message)} />
    </fieldset>
  );

  return (
    <form noValidate onSubmit={submit} aria-labelledby="intake-title" aria-describedby={ids.lead} className="flex flex-col gap-6 p-4">
      <div>
        <h2 id="intake-title" className="text-xl font-bold">
          <YouthText text={ja.intake.title} />
        </h2>
        <p id={ids.lead} className="mt-1 text-base text-slate-700">
          <YouthText text={ja.intake.lead} />
        </p>
      </div>
      {radios("ageBand", definition.ageBand)}
      {radios("gender", definition.gender)}
      {definition.requester ? radios("requester", definition.requester, false) : null}
      <fieldset aria-describedby={errors.topics ? "intake-topics-error" : undefined} {...invalid("topics")}>
        <legend className="mb-2 text-lg font-bold">
          <YouthText text={definition.topics.label} />{" "}
          <span className="text-sm font-normal text-slate-600">
            （<YouthText text={ja.intake.required} />・<YouthText text={ja.intake.chooseMany} />）
          </span>
        </legend>
        <Controller
          control={control}
          name="topics"
          render={({ field }) => (
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {active(definition.topics).map((c) => (
                <label key={c.id} className={optionClass}>
                  <input
                    type="checkbox"
                    className={inputSize}
                    name={field.name}
                    value={c.id}
                    checked={(field.value ?? []).includes(c.id)}
                    onBlur={field.onBlur}
                    onChange={(e) => {
                      const chosen = field.value ?? [];
                      field.onChange(e.target.checked ? [...chosen, c.id] : chosen.filter((v) => v !== c.id));
                    }}
                  />
                  <YouthText text={c.label} />
                </label>
              ))}
            </div>
          )}
        />
        <FieldError id="intake-topics-error" message={youthError(errors.topics?.message)} />
      </fieldset>
      <div>
        <label htmlFor={ids.note} className="block text-lg font-bold">
          <YouthText text={definition.note.label} />{" "}
          <span className="text-sm font-normal text-slate-600">
            （<YouthText text={ja.intake.optional} />）
          </span>
        </label>
        {definition.note.hint ? (
          <p className="text-sm text-slate-600">
            <YouthText text={definition.note.hint} />
          </p>
        ) : null}
        <textarea
          id={ids.note}
          rows={3}
          aria-describedby={`${ids.noteCount}${errors.note ? " intake-note-error" : ""}`}
          className="mt-2 block w-full resize-none rounded-xl border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-600"
          {...invalid("note")}
          {...register("note")}
        />
        <p id={ids.noteCount} aria-live="polite" className={`mt-1 text-sm ${noteLength > INTAKE_NOTE_MAX ? "font-semibold text-red-700" : "text-slate-600"}`}>
          {ja.intake.count(noteLength, INTAKE_NOTE_MAX)}
        </p>
        <FieldError id="intake-note-error" message={youthError(errors.note?.message)} />
      </div>
      <section aria-labelledby={ids.consent} className="rounded-xl border border-slate-300 bg-white p-4">
        <h3 id={ids.consent} className="text-lg font-bold">
          <YouthText text={definition.consent.title} />
        </h3>
        <p className="mt-2 whitespace-pre-line text-base leading-loose">
          <YouthText text={definition.consent.body} />
        </p>
        <label className={`${optionClass} mt-3`}>
          <input type="checkbox" className={inputSize} aria-describedby={errors.consent ? "intake-consent-error" : undefined} {...invalid("consent")} {...register("consent")} />
          <YouthText text={definition.consent.agree} />
        </label>
        <FieldError id="intake-consent-error" message={youthError(errors.consent?.message)} />
      </section>
      {Object.keys(errors).length > 0 ? (
        <p id={ids.summary} role="alert" className="rounded-xl border border-red-200 bg-red-50 p-3 text-base text-red-800">
          <YouthText text={errors.root?.message ?? ja.intake.errors.summary} />
        </p>
      ) : null}
      <button type="submit" disabled={formState.isSubmitting} className={`${buttonClass} min-h-14 text-lg`}>
        <YouthText text={formState.isSubmitting ? ja.intake.submitting : ja.intake.submit} />
      </button>
    </form>
  );
}
