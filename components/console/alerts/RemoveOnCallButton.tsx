"use client";

import { useTransition } from "react";
import { removeOnCallAction } from "@/app/_actions/on-call";
import { dangerButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function RemoveOnCallButton({ entryId, label }: { entryId: string; label: string }) {
  const [pending, start] = useTransition();
  return (
    <button type="button" className={dangerButtonClass} disabled={pending} aria-label={label} onClick={() => start(async () => void (await removeOnCallAction(entryId)))}>
      {ja.onCall.remove}
    </button>
  );
}
