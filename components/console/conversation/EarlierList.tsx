"use client";

import { useState, useTransition } from "react";
import { readHistoryAction, type HistoryMessage } from "@/app/_actions/console";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

type Earlier = { id: string; openedAt: Date; outcomeLabel: string | null; contentSummary: string | null; responseSummary: string | null };

const date = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "numeric", day: "numeric" });

/** Summaries first; the full text only on request, which the server audits. */
export function EarlierList({ consultationId, earlier }: { consultationId: string; earlier: Earlier[] }) {
  const [open, setOpen] = useState<Record<string, HistoryMessage[]>>({});
  const [pending, start] = useTransition();
  if (earlier.length === 0) return <p className="text-sm text-slate-600">{ja.console.earlierNone}</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {earlier.map((e) => (
        <li key={e.id} className="rounded border border-slate-200 bg-white p-2">
          <div className="font-medium">
            {date.format(e.openedAt)} {e.outcomeLabel ?? ""}
          </div>
          {e.contentSummary ? <p className="whitespace-pre-wrap">{e.contentSummary}</p> : null}
          {e.responseSummary ? <p className="whitespace-pre-wrap text-slate-600">{e.responseSummary}</p> : null}
          {open[e.id] ? (
            <ol className="mt-1 flex flex-col gap-1 border-t pt-1">
              {open[e.id]!.map((m) => (
                <li key={m.id} className="whitespace-pre-wrap">
                  {ja.console[m.sender as "youth" | "counselor" | "system"]}: {m.text}
                </li>
              ))}
            </ol>
          ) : (
            <button
              type="button"
              className={`${secondaryButtonClass} mt-1`}
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const result = await readHistoryAction(consultationId, e.id);
                  if (result.ok) setOpen((o) => ({ ...o, [e.id]: result.messages }));
                })
              }
            >
              {ja.console.readFull}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
