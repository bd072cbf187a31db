"use client";

import { useState, useTransition } from "react";
import { joinEmergencyAction } from "@/app/_actions/emergency";
import { buttonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function JoinEmergencyButton({ emergencyId, label }: { emergencyId: string; label: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={buttonClass} aria-label={label} disabled={pending} onClick={() => start(async () => setMessage((await joinEmergencyAction(emergencyId)).message))}>
        {ja.emergency.join}
      </button>
      {message ? <span role="status" className="text-sm">{message}</span> : null}
    </span>
  );
}
