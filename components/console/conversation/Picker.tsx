"use client";

import { useId, useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export type PickerItem = { id: string; title: string; text: string; keywords: string };

/** A searchable list of snippets (定型文 or 支援機関) that inserts into the reply box. */
export function Picker({ title, items, onInsert }: { title: string; items: PickerItem[]; onInsert: (text: string) => void }) {
  const [query, setQuery] = useState("");
  const id = useId();
  const q = query.trim().toLowerCase();
  const shown = q ? items.filter((i) => `${i.title}\n${i.text}\n${i.keywords}`.toLowerCase().includes(q)) : items;
  return (
    <details className="rounded-md border border-slate-200 bg-white p-2">
      <summary className="cursor-pointer font-medium">{title}</summary>
      <label htmlFor={id} className="sr-only">
        {title} {ja.console.search}
      </label>
      <input id={id} type="search" placeholder={ja.console.search} value={query} onChange={(e) => setQuery(e.target.value)} className="mt-2 w-full rounded border border-slate-300 px-2 py-1" />
      <ul className="mt-2 flex max-h-60 flex-col gap-1 overflow-y-auto">
        {shown.map((item) => (
          <li key={item.id} className="flex items-start gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => onInsert(item.text)} aria-label={`${item.title} ${ja.console.insert}`}>
              {ja.console.insert}
            </button>
            <span className="text-sm">
              <span className="font-medium">{item.title}</span>
              <span className="block whitespace-pre-wrap text-slate-600">{item.text}</span>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
