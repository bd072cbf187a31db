"use client";

import { useState, useTransition } from "react";
import { claimAction } from "@/app/(console)/console/actions";
import { buttonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function ClaimButton({ consultationId, label }: { consultationId: string; label: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        className={buttonClass}
        disabled={pending}
        aria-label={`${label} ${ja.console.claim}`}
        onClick={() =>
          start(async () => {
            const result = await claimAction(consultationId);
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {ja.console.claim}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
