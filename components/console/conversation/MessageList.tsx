import type { Delivery } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";
import { RetryButton } from "./RetryButton";

export type ShownMessage = { id: string; sender: "youth" | "counselor" | "system"; kind: string; text: string | null; sentAt: Date; delivery: Delivery; via: "line" | "secure_chat" };

const time = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

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
 */
export function MessageList({ messages, canRetry, markLine = false }: { messages: ShownMessage[]; canRetry: boolean; markLine?: boolean }) {
  return (
    <ol className="flex flex-col gap-2" aria-label={ja.console.conversation} data-testid="messages">
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
  );
}
