import { ja } from "@/lib/i18n/ja";
import type { LineMessage } from "@/lib/line-api";

/**
 * What LINE carries in secure mode: `text` (a fixed sentence, never anything of the consultation) and
 * one button that opens the secure chat at its LIFF URL. Without a LIFF app configured, plain text that
 * points at the rich menu's 相談する instead.
 */
export function buildSecureChatButton(text: string, liffUrl: string | null): LineMessage {
  if (!liffUrl) return { type: "text", text: `${text}\n${ja.line.openFromMenu}` };
  return {
    type: "template",
    altText: text,
    template: { type: "buttons", text, actions: [{ type: "uri", label: ja.line.openSecureChat, uri: liffUrl }] },
  };
}
