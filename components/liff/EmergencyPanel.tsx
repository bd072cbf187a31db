"use client";

import { useState } from "react";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { telUri } from "@/lib/safety/client";
import { useYouthString, YouthText } from "./EasyJapanese";

export type EmergencyContact = { id: string; label: string; number: string; note: string };

const t = ja.emergencyPanel;

/**
 * Always in the secure chat's header: 緊急のときは opens the admins' numbers as tel: links, and a quick
 * exit that leaves the page at once for a blank one (replacing it, so 戻る does not bring it back).
 */
export function EmergencyPanel({ contacts }: { contacts: EmergencyContact[] }) {
  const [open, setOpen] = useState(false);
  const youthString = useYouthString();
  return (
    <>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="emergency-panel" className={`${dangerButtonClass} min-h-11 text-base font-semibold`}>
        <YouthText text={t.open} />
      </button>
      {open && (
        <div id="emergency-panel" role="dialog" aria-label={youthString(t.title)} className="absolute inset-x-0 top-full z-10 max-h-[80dvh] overflow-y-auto border-b border-red-200 bg-white p-4 shadow-lg">
          <h2 className="text-base font-bold">
            <YouthText text={t.title} />
          </h2>
          <ul className="mt-3 flex flex-col gap-2">
            {contacts.map((c) => (
              <li key={c.id}>
                <a href={telUri(c.number)} className="block rounded-xl border border-green-700 px-4 py-3 text-base text-green-900">
                  <span className="font-semibold">{c.label}</span> <span className="font-mono">{c.number}</span>
                  {c.note ? <span className="block text-sm text-slate-700">{c.note}</span> : null}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-4 text-sm text-slate-700">
            <YouthText text={t.quickExitHint} />
          </p>
          <div className="mt-2 flex gap-3">
            <button type="button" onClick={() => window.location.replace("about:blank")} className={`${dangerButtonClass} min-h-12 flex-1 text-base`}>
              <YouthText text={t.quickExit} />
            </button>
            <button type="button" onClick={() => setOpen(false)} className={`${secondaryButtonClass} min-h-12 flex-1 text-base`}>
              <YouthText text={t.close} />
            </button>
          </div>
        </div>
      )}
    </>
  );
}
