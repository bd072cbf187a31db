"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Delivery } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";
import { RetryButton } from "./RetryButton";

export type ShownMessage = { id: string; sender: "youth" | "counselor" | "system"; kind: string; text: string | null; sentAt: Date; delivery: Delivery; via: "line" | "secure_chat" };

const time = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

/** Within this many pixels of the bottom the counselor is reading the newest messages, and new ones scroll into view. */
const NEAR_BOTTOM_PX = 48;

function body(m: ShownMessage): string {
  if (m.kind === "sticker") return ja.console.sticker;
  if (m.kind === "media_refused") return ja.console.mediaRefused;
  if (m.kind === "location_refused") return ja.console.locationRefused;
  // A text without its text is one whose retention period ended (an unsent one is not listed at all).
  return m.text ?? ja.retention.contentPurged;
}

/**
 * Messages as plain text (React escapes it; markup a youth types stays visible text, never HTML).
 * `markLine` (secure mode) tags what the youth typed into the LINE talk: those words did pass through LINE.
 *
 * The list scrolls by itself and opens at the newest message, so a long conversation never pushes
 * the reply box off a laptop's screen. A counselor scrolled up to reread is not yanked down by a
 * new message: a 新着メッセージ button offers the jump instead.
 */
export function MessageList({ messages, canRetry, markLine = false }: { messages: ShownMessage[]; canRetry: boolean; markLine?: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const seen = useRef<string | undefined>(undefined);
  const [unseen, setUnseen] = useState(false);
  const newest = messages.at(-1)?.id;

  function toBottom() {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setUnseen(false);
  }

  // Before paint, so the conversation never flashes at its oldest message.
  useLayoutEffect(() => {
    if (seen.current === newest) return;
    const first = seen.current === undefined;
    seen.current = newest;
    if (first || atBottom.current) toBottom();
    else setUnseen(true);
  }, [newest]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX;
      if (atBottom.current) setUnseen(false);
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, []);

  return (
    <div className="relative">
      {/* Focusable so the keyboard scrolls it too (arrow keys, Page Up/Down). */}
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={ja.console.conversation}
        data-testid="message-scroller"
        className="h-[calc(100vh-28rem)] min-h-48 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 p-2 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <ol className="flex flex-col gap-2" data-testid="messages">
          {messages.map((m) => (
            <li key={m.id} data-sender={m.sender} className={`max-w-[80%] rounded-lg px-3 py-2 ${m.sender === "youth" ? "self-start bg-white border border-slate-200" : m.sender === "counselor" ? "self-end bg-brand-50 border border-brand-600/30" : "self-center bg-slate-100 text-sm"}`}>
              <div className="text-xs text-slate-600">
                {ja.console[m.sender]} · <time dateTime={m.sentAt.toISOString()}>{time.format(m.sentAt)}</time>
                {markLine && m.sender === "youth" && m.via === "line" ? (
                  <span data-testid="via-line" className="ml-2 font-semibold text-amber-800">
                    {ja.console.viaLine}
                  </span>
                ) : null}
                {m.delivery ? (
                  <span data-testid="delivery" className={m.delivery === "failed" || m.delivery === "notice_failed" ? "ml-2 font-semibold text-red-700" : "ml-2"}>
                    {ja.console.delivery[m.delivery]}
                  </span>
                ) : null}
              </div>
              <p className="whitespace-pre-wrap break-words">{body(m)}</p>
              {(m.delivery === "failed" || m.delivery === "notice_failed") && canRetry && m.sender === "counselor" ? <RetryButton messageId={m.id} /> : null}
            </li>
          ))}
        </ol>
      </div>
      {unseen ? (
        <button
          type="button"
          onClick={toBottom}
          title={ja.console.jumpToNewestHint}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-lg hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
        >
          ↓ {ja.console.jumpToNewest}
        </button>
      ) : null}
    </div>
  );
}
