"use client";

import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { useYouthString, YouthText } from "./EasyJapanese";

const MAX = 1000;

/**
 * The text box. A refused message (too fast, too long, offline) stays in the box with the reason
 * under it, so nothing the youth wrote is lost.
 */
export function ChatComposer({ onSend }: { onSend: (text: string) => Promise<string | null> }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const ids = { field: useId(), count: useId(), error: useId() };
  const length = text.trim().length;
  const youthString = useYouthString();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (length === 0) return setError(ja.liff.emptyText);
    if (length > MAX) return setError(ja.liff.tooLong);
    setSending(true);
    const refusal = await onSend(text);
    setSending(false);
    setError(refusal);
    if (refusal === null) setText("");
  }

  return (
    <form onSubmit={submit} className="border-t border-slate-200 bg-white p-3">
      <label htmlFor={ids.field} className="sr-only">
        {ja.liff.messageLabel}
      </label>
      <textarea
        id={ids.field}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        placeholder={youthString(ja.liff.placeholder)}
        aria-invalid={error !== null || length > MAX}
        aria-describedby={`${ids.count} ${ids.error}`}
        className="block w-full resize-none rounded-xl border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-600"
      />
      <div className="mt-2 flex items-center justify-between gap-3">
        <p id={ids.count} aria-live="polite" className={`text-sm ${length > MAX ? "font-semibold text-red-700" : "text-slate-600"}`}>
          {ja.liff.count(length, MAX)}
        </p>
        <button type="submit" disabled={sending} className={`${buttonClass} min-h-12 min-w-28 text-lg`}>
          <YouthText text={sending ? ja.liff.sending : ja.liff.send} />
        </button>
      </div>
      <p id={ids.error} role="alert" className="mt-1 text-sm text-red-700">
        {error ? <YouthText text={error} /> : null}
      </p>
    </form>
  );
}
