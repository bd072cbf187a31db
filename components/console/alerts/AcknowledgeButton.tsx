"use client";

import { useState, useTransition } from "react";
import { acknowledgeAlertAction } from "@/app/_actions/console";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function AcknowledgeButton({ alertId, pseudonym }: { alertId: string; pseudonym: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        aria-label={`${pseudonym} ${ja.alerts.acknowledge}`}
        onClick={() => start(async () => setMessage((await acknowledgeAlertAction(alertId)).message))}
      >
        {ja.alerts.acknowledge}
      </button>
      {message ? <span role="status" className="text-sm">{message}</span> : null}
    </span>
  );
}
