"use client";

import { useState, useTransition } from "react";
import { addNoteAction } from "@/app/_actions/console";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function NotesPanel({ consultationId, notes }: { consultationId: string; notes: { id: string; author: string | null; text: string; createdAt: Date }[] }) {
  const [text, setText] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby="notes-title" className="rounded-md border border-amber-300 bg-amber-50 p-3">
      <h2 id="notes-title" className="font-bold">
        {ja.console.notes}
      </h2>
      <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="notes">
        {notes.map((n) => (
          <li key={n.id} className="whitespace-pre-wrap">
            <span className="font-medium">{n.author ?? ja.console.system}</span>: {n.text}
          </li>
        ))}
      </ul>
      <form
        className="mt-2 flex flex-col gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const result = await addNoteAction(consultationId, text);
            setMessage(result.message);
            if (result.ok) setText("");
          });
        }}
      >
        <label htmlFor="note" className="sr-only">
          {ja.console.addNote}
        </label>
        <textarea id="note" rows={2} value={text} onChange={(e) => setText(e.target.value)} className="rounded border border-slate-300 px-2 py-1" />
        <button type="submit" className={secondaryButtonClass} disabled={pending || !text.trim()}>
          {ja.console.addNote}
        </button>
        {message ? <p role="status" className="text-sm">{message}</p> : null}
      </form>
    </section>
  );
}
