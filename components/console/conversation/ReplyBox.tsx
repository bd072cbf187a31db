"use client";

import { useRef, useState, useTransition } from "react";
import { sendMessageAction, typingAction } from "@/app/_actions/console";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { Picker, type PickerItem } from "./Picker";

/** How often, at most, typing asks for LINE's loading animation; the server throttles too. */
const TYPING_EVERY_MS = 15_000;

/**
 * Enter sends, Shift+Enter starts a new line. While a Japanese input method is composing, Enter
 * confirms the conversion and must not send: isComposing guards that.
 */
export function ReplyBox({ consultationId, maxLength, canned, agencies }: { consultationId: string; maxLength: number; canned: PickerItem[]; agencies: PickerItem[] }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const lastTyping = useRef(0);
  const box = useRef<HTMLTextAreaElement>(null);

  function send() {
    if (!text.trim() || pending) return;
    const body = text;
    start(async () => {
      const result = await sendMessageAction(consultationId, body);
      if (result.ok) {
        setText("");
        setError(null);
      } else setError(result.message);
    });
  }

  function insert(snippet: string) {
    setText((current) => (current ? `${current}\n${snippet}` : snippet));
    box.current?.focus();
  }

  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor="reply" className={labelClass}>
        {ja.console.reply}（{ja.console.replyHint}）
      </label>
      <textarea
        id="reply"
        ref={box}
        rows={4}
        value={text}
        maxLength={maxLength}
        aria-describedby="reply-length"
        className={inputClass}
        onChange={(e) => {
          setText(e.target.value);
          if (Date.now() - lastTyping.current > TYPING_EVERY_MS) {
            lastTyping.current = Date.now();
            void typingAction(consultationId);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <span id="reply-length" className="text-sm text-slate-600">
          {ja.console.length} {text.length} / {maxLength}
        </span>
        <button type="submit" className={`${buttonClass} ml-auto`} disabled={pending || !text.trim()}>
          {pending ? ja.console.sending : ja.console.send}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Picker title={ja.console.canned} items={canned} onInsert={insert} />
        <Picker title={ja.console.agencies} items={agencies} onInsert={insert} />
      </div>
    </form>
  );
}
