"use client";

import { useTransition } from "react";
import { claimAction } from "@/app/_actions/console";
import { buttonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { announceClaimRefused } from "./ClaimNotice";

export function ClaimButton({ consultationId, label }: { consultationId: string; label: string }) {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className={buttonClass}
      disabled={pending}
      aria-label={`${label} ${ja.console.claim}`}
      onClick={() =>
        start(async () => {
          const result = await claimAction(consultationId);
          if (result && !result.ok && result.message) announceClaimRefused(result.message);
        })
      }
    >
      {ja.console.claim}
    </button>
  );
}
