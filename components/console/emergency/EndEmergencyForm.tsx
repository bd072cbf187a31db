"use client";

import { useState, useTransition } from "react";
import { endEmergencyAction } from "@/app/_actions/emergency";
import { FieldError } from "@/components/ui/FieldError";
import { dangerButtonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const t = ja.emergency;

export function EndEmergencyForm({ emergencyId }: { emergencyId: string }) {
  const [summary, setSummary] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      aria-labelledby="emergency-end-title"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await endEmergencyAction(emergencyId, summary);
          setError(result.fieldErrors?.summary);
          setMessage(result.ok ? null : result.message);
        });
      }}
    >
      <h3 id="emergency-end-title" className="font-bold">
        {t.endTitle}
      </h3>
      <label htmlFor="emergency-summary" className={labelClass}>
        {t.summary}
      </label>
      <textarea
        id="emergency-summary"
        rows={3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "emergency-summary-error" : undefined}
        className={inputClass}
      />
      <FieldError id="emergency-summary-error" message={error} />
      <p className="text-sm text-slate-700">{t.endHint}</p>
      <button type="submit" className={dangerButtonClass} disabled={pending}>
        {t.end}
      </button>
      {message ? <p role="alert" className="text-sm text-red-700">{message}</p> : null}
    </form>
  );
}
