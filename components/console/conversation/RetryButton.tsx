"use client";

import { useState, useTransition } from "react";
import { retryMessageAction } from "@/app/_actions/console";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function RetryButton({ messageId }: { messageId: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="mt-1">
      <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => start(async () => setError((await retryMessageAction(messageId)).message))}>
        {ja.console.retry}
      </button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
