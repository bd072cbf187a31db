"use client";

import { useActionState } from "react";
import { markReportSubmittedAction, type MarkSubmittedState } from "@/app/_actions/report-deadlines";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const initial: MarkSubmittedState = { ok: true, message: null };

export function MarkSubmittedButton({ kind, period, label }: { kind: string; period: string; label: string }) {
  const [state, mark, pending] = useActionState(markReportSubmittedAction, initial);
  return (
    <form
      action={mark}
      onSubmit={(e) => {
        if (!window.confirm(ja.deadlines.confirmMark)) e.preventDefault();
      }}
    >
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="period" value={period} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-label={`${label} ${ja.deadlines.markSubmitted}`}>
        {ja.deadlines.markSubmitted}
      </button>
      {state.message ? (
        <p role="status" className={state.ok ? "mt-1 text-sm text-green-800" : "mt-1 text-sm text-red-700"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
