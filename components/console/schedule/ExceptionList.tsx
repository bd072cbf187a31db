"use client";

import { useState, useTransition } from "react";
import { removeExceptionAction } from "@/app/_actions/schedule";
import { joinListText } from "@/components/ui/list-text";
import { dangerButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import type { Closure, Opening } from "@/lib/schedule";
import type { ScheduleException } from "@/lib/schedule/store";
import { SubmitStatusMessage } from "./SubmitStatusMessage";
import type { SubmitStatus } from "./use-schedule-submit";

const t = ja.scheduleAdmin.exceptions;
const range = (c: Closure) => (c.from === c.to ? c.from : `${c.from}〜${c.to}`);
const hours = (o: Opening) => joinListText(o.timeframes.map((tf) => `${tf.start}〜${tf.end}`));

const cell = "p-2 align-top";

/** The closures and openings in force, each removable; the outcome stays visible after its row is gone. */
export function ExceptionList({ closures, openings }: { closures: Closure[]; openings: Opening[] }) {
  const [status, setStatus] = useState<SubmitStatus>(null);
  const [pending, startTransition] = useTransition();

  function removeButton(exception: ScheduleException, what: string) {
    return (
      <button
        type="button"
        className={dangerButtonClass}
        disabled={pending}
        aria-label={t.removeLabel(what)}
        onClick={() => {
          if (!window.confirm(t.confirmRemove(what))) return;
          startTransition(async () => {
            const result = await removeExceptionAction(exception);
            setStatus(result.message ? { ok: result.ok, message: result.message } : null);
          });
        }}
      >
        {t.remove}
      </button>
    );
  }

  return (
    <div className="space-y-6">
      <SubmitStatusMessage status={status} testId="exception-status" />
      <div>
        <h3 className="font-semibold">{t.closures}</h3>
        {closures.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t.none}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="min-w-full border-collapse bg-white text-sm" data-testid="closure-list">
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="p-2">{t.period}</th>
                  <th scope="col" className="p-2">{t.reason}</th>
                  <th scope="col" className="p-2">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {[...closures]
                  .sort((a, b) => a.from.localeCompare(b.from))
                  .map((c) => (
                    <tr key={`${c.from}|${c.to}|${c.reason}`} className="border-b">
                      <td className={`${cell} whitespace-nowrap tabular-nums`}>{range(c)}</td>
                      <td className={cell}>{c.reason}</td>
                      <td className={cell}>{removeButton({ kind: "closure", from: c.from, to: c.to, reason: c.reason }, t.closureName(range(c), c.reason))}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <div>
        <h3 className="font-semibold">{t.openings}</h3>
        {openings.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t.none}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="min-w-full border-collapse bg-white text-sm" data-testid="opening-list">
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="p-2">{t.date}</th>
                  <th scope="col" className="p-2">{t.hours}</th>
                  <th scope="col" className="p-2">{t.reason}</th>
                  <th scope="col" className="p-2">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {[...openings]
                  .sort((a, b) => a.date.localeCompare(b.date))
                  .map((o) => (
                    <tr key={o.date} className="border-b">
                      <td className={`${cell} whitespace-nowrap tabular-nums`}>{o.date}</td>
                      <td className={`${cell} tabular-nums`}>{hours(o)}</td>
                      <td className={cell}>{o.reason}</td>
                      <td className={cell}>{removeButton({ kind: "opening", date: o.date }, t.openingName(o.date, o.reason))}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
