"use client";

import { useState, useTransition } from "react";
import { restoreTemplateAction, saveTemplateAction } from "@/app/_actions/schedule";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { renderTemplate, TEMPLATE_MAX_LENGTH, templateBodySchema, type AutoReplyKind } from "@/lib/autoreply/client";
import { ja } from "@/lib/i18n/ja";
import { SubmitStatusMessage } from "./SubmitStatusMessage";
import type { SubmitStatus } from "./use-schedule-submit";

const t = ja.scheduleAdmin.templates;

/** One automatic reply's wording: edit with a live character count, save, or go back to the default. */
export function TemplateEditor({ kind, body, isDefault }: { kind: AutoReplyKind; body: string; isDefault: boolean }) {
  const [text, setText] = useState(body);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<SubmitStatus>(null);
  const [pending, startTransition] = useTransition();
  const id = `template-${kind}`;
  const label = ja.scheduleAdmin.kinds[kind];
  const length = text.trim().length;

  function save() {
    const checked = templateBodySchema.safeParse(text);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message);
      setStatus(null);
      return;
    }
    startTransition(async () => {
      const result = await saveTemplateAction({ kind, body: text });
      setError(result.fieldErrors?.body);
      setStatus(result.message ? { ok: result.ok, message: result.message } : null);
    });
  }

  function restore() {
    if (!window.confirm(t.confirmRestore)) return;
    startTransition(async () => {
      const result = await restoreTemplateAction({ kind });
      if (result.ok) setText(ja.autoReply[kind]);
      setError(undefined);
      setStatus(result.message ? { ok: result.ok, message: result.message } : null);
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-md border border-slate-200 bg-white p-4" data-testid={id}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${id}-title`} className="font-semibold">
          {label}
        </h3>
        <span className={`rounded px-2 py-0.5 text-xs ${isDefault ? "bg-slate-100 text-slate-700" : "bg-amber-100 text-amber-900"}`}>{isDefault ? t.isDefault : t.edited}</span>
      </div>
      <label htmlFor={id} className={`${labelClass} mt-2`}>
        {t.body}（{label}）
      </label>
      <textarea
        id={id}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
      />
      <p id={`${id}-count`} className={`mt-1 text-right text-xs tabular-nums ${length > TEMPLATE_MAX_LENGTH ? "text-red-700" : "text-slate-600"}`}>
        {t.count(length, TEMPLATE_MAX_LENGTH)}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      <div className="mt-2 rounded bg-slate-50 p-2 text-sm" data-testid={`${id}-preview`}>
        <p className="text-xs font-semibold text-slate-600">{t.preview}</p>
        <p className="whitespace-pre-line">{renderTemplate(text, t.sampleValues)}</p>
      </div>
      <SubmitStatusMessage status={status} />
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={pending} onClick={save}>
          {t.save}
        </button>
        {isDefault ? null : (
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={restore}>
            {t.restore}
          </button>
        )}
      </div>
    </section>
  );
}
