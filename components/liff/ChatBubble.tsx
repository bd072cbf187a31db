import { ja } from "@/lib/i18n/ja";
import type { ChatLine } from "./chat-api";

const styles: Record<ChatLine["sender"], { row: string; bubble: string; who: string }> = {
  youth: { row: "justify-end", bubble: "bg-brand-600 text-white", who: ja.liff.you },
  counselor: { row: "justify-start", bubble: "bg-white text-slate-900 border border-slate-200", who: ja.liff.counselor },
  system: { row: "justify-center", bubble: "bg-amber-50 text-slate-800 border border-amber-200 text-sm", who: ja.liff.notice },
};

/** One message. Its text is rendered as text (React escapes it), never as HTML. */
export function ChatBubble({ line }: { line: ChatLine }) {
  const style = styles[line.sender];
  return (
    <li className={`flex ${style.row}`} data-sender={line.sender}>
      <div className={`max-w-[85%] rounded-2xl px-4 py-2 ${style.bubble}`}>
        <span className="sr-only">{style.who}: </span>
        <p className="whitespace-pre-wrap break-words text-base leading-relaxed">{line.text}</p>
      </div>
    </li>
  );
}
