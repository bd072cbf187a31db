"use client";

import { useState, useTransition } from "react";
import { startEmergencyAction } from "@/app/_actions/emergency";
import { dangerButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function StartEmergencyButton({ consultationId }: { consultationId: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby="emergency-start-title" className="rounded-md border border-red-300 bg-red-50 p-3">
      <h2 id="emergency-start-title" className="sr-only">
        {ja.emergency.title}
      </h2>
      <button
        type="button"
        className={dangerButtonClass}
        disabled={pending}
        onClick={() => start(async () => setMessage((await startEmergencyAction(consultationId)).message))}
      >
        {ja.emergency.start}
      </button>
      <p className="mt-1 text-sm text-slate-700">{ja.emergency.startHint}</p>
      {message ? <p role="alert" className="text-sm text-red-700">{message}</p> : null}
    </section>
  );
}
