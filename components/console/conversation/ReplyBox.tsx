"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { sendMessageAction, typingAction } from "@/app/_actions/console";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { findUnfilledPlaceholders } from "@/lib/canned/client";
import { createReplyDraftStore } from "@/lib/consultations/client";
import { ja } from "@/lib/i18n/ja";
import { Picker, type PickerItem } from "./Picker";

/** How often, at most, typing asks for LINE's loading animation; the server throttles too. */
const TYPING_EVERY_MS = 15_000;

/** Drafts change only through this box, so there is nothing to listen to. */
const subscribeNothing = () => () => {};

function drafts() {
  return typeof localStorage === "undefined" ? null : createReplyDraftStore(localStorage);
}

/**
 * Enter sends, Shift+Enter starts a new line. While a Japanese input method is composing, Enter
 * confirms the conversion and must not send: isComposing guards that.
 *
 * Nothing typed is lost silently: a text over `maxLength` is kept whole (no maxlength attribute to
 * cut a paste) and refused with a live counter; the unsent text is kept in this browser per staff
 * member and consultation (lib/consultations/reply-draft-store) until it is sent; a blank left from a
 * 定型文 (〇〇, {…}) asks before it goes to the youth. The page keys it by consultation, so moving
 * to another held consultation starts from that one's draft.
 */
export function ReplyBox({ consultationId, staffId, maxLength, canned, agencies }: { consultationId: string; staffId: string; maxLength: number; canned: PickerItem[]; agencies: PickerItem[] }) {
  const store = useMemo(() => drafts(), []);
  // The saved draft is read once from this browser (nothing on the server, so the server renders it empty).
  const saved = useSyncExternalStore(
    subscribeNothing,
    () => store?.load(staffId, consultationId) ?? "",
    () => "",
  );
  const [edited, setEdited] = useState<string | null>(null);
  const text = edited ?? saved;
  const restored = edited === null && saved !== "";
  const [error, setError] = useState<string | null>(null);
  const [blanks, setBlanks] = useState<string[] | null>(null);
  const [pending, start] = useTransition();
  const lastTyping = useRef(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const over = text.length - maxLength;

  useEffect(() => store?.sweep(), [store]);

  useEffect(() => {
    if (blanks) keep.current?.focus();
  }, [blanks]);

  function change(value: string) {
    setEdited(value);
    store?.save(staffId, consultationId, value);
  }

  function send(confirmed = false) {
    if (!text.trim() || pending || over > 0) return;
    const found = findUnfilledPlaceholders(text);
    if (!confirmed && found.length > 0) {
      setBlanks(found);
      return;
    }
    setBlanks(null);
    const body = text;
    start(async () => {
      const result = await sendMessageAction(consultationId, body);
      if (result.ok) {
        // What the counselor typed while it was sending is the next reply: only the sent text is cleared.
        setEdited((current) => (current === null || current === body ? "" : current));
        if (store?.load(staffId, consultationId) === body) store.clear(staffId, consultationId);
        setError(null);
      } else setError(result.message);
    });
  }

  function insert(snippet: string) {
    change(text ? `${text}\n${snippet}` : snippet);
    box.current?.focus();
  }

  function backToText() {
    setBlanks(null);
    box.current?.focus();
  }

  return (
    <form
      id="reply-form"
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
        rows={3}
        value={text}
        aria-describedby="reply-length reply-too-long"
        aria-invalid={over > 0}
        className={inputClass}
        onChange={(e) => {
          change(e.target.value);
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
      {blanks ? (
        <div role="alertdialog" aria-labelledby="blanks-title" aria-describedby="blanks-body" className="rounded-md border-2 border-amber-500 bg-amber-50 p-3" data-testid="placeholder-confirm">
          <p id="blanks-title" className="font-bold">
            {ja.console.placeholderTitle}
          </p>
          <p id="blanks-body" className="text-sm">
            {ja.console.placeholderBody(blanks.join("」「"))}
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" ref={keep} className={secondaryButtonClass} onClick={backToText} onKeyDown={(e) => e.key === "Escape" && backToText()}>
              {ja.console.placeholderFix}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => send(true)} onKeyDown={(e) => e.key === "Escape" && backToText()}>
              {ja.console.placeholderSend}
            </button>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <span id="reply-length" className={over > 0 ? "text-sm font-bold text-red-700" : "text-sm text-slate-600"} data-testid="reply-length">
          {ja.console.length} {text.length} / {maxLength}
        </span>
        {restored ? (
          <span role="status" className="text-sm text-slate-600">
            {ja.console.draftRestored}
          </span>
        ) : null}
        <button type="submit" className={`${buttonClass} ml-auto`} disabled={pending || !text.trim() || over > 0}>
          {pending ? ja.console.sending : ja.console.send}
        </button>
      </div>
      <div id="reply-too-long" aria-live="polite">
        {over > 0 ? (
          <p role="alert" className="text-sm font-semibold text-red-700">
            {ja.console.tooLong(over)}
          </p>
        ) : null}
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
