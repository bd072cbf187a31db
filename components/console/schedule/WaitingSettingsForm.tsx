"use client";

import { useState, useTransition } from "react";
import { saveWaitingSettingsAction } from "@/app/_actions/schedule";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { waitingSettingsSchema, type WaitingSettings } from "@/lib/autoreply/client";
import { ja } from "@/lib/i18n/ja";
import { SubmitStatusMessage } from "./SubmitStatusMessage";
import type { SubmitStatus } from "./use-schedule-submit";

const t = ja.scheduleAdmin.waitingSettings;

/** The busy notice's threshold (empty: never) and the self-help switch; checked here and again on the server. */
export function WaitingSettingsForm({ initial }: { initial: WaitingSettings }) {
  const [threshold, setThreshold] = useState(initial.busyThresholdMinutes === null ? "" : String(initial.busyThresholdMinutes));
  const [selfHelp, setSelfHelp] = useState(initial.selfHelpEnabled);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<SubmitStatus>(null);
  const [pending, startTransition] = useTransition();

  function save() {
    const values = { busyThresholdMinutes: threshold.trim() === "" ? null : Number(threshold), selfHelpEnabled: selfHelp };
    const checked = waitingSettingsSchema.safeParse(values);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message);
      setStatus(null);
      return;
    }
    startTransition(async () => {
      const result = await saveWaitingSettingsAction(checked.data);
      setError(result.fieldErrors?.busyThresholdMinutes);
      setStatus(result.message ? { ok: result.ok, message: result.message } : null);
    });
  }

  return (
    <section aria-labelledby="waiting-settings-title" className="rounded-md border border-slate-200 bg-white p-4">
      <h3 id="waiting-settings-title" className="font-semibold">
        {t.title}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t.hint}</p>
      <label htmlFor="busy-threshold" className={`${labelClass} mt-2`}>
        {t.threshold}
      </label>
      <input
        id="busy-threshold"
        inputMode="numeric"
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
        className={`${inputClass} max-w-32`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "busy-threshold-error" : undefined}
      />
      <FieldError id="busy-threshold-error" message={error} />
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={selfHelp} onChange={(e) => setSelfHelp(e.target.checked)} className="h-4 w-4" />
        {t.selfHelp}
      </label>
      <SubmitStatusMessage status={status} />
      <button type="button" className={`${buttonClass} mt-2`} disabled={pending} onClick={save}>
        {t.save}
      </button>
    </section>
  );
}
