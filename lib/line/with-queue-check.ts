import type { messagingApi } from "@line/bot-sdk";
import { ja } from "@/lib/i18n/ja";

/**
 * A line-mode text with the 「順番を確認」 quick reply: tapping it posts back `action=queue`, answered
 * with the reply token (free) by the youth's place and estimated wait at that moment.
 */
export function withQueueCheck(text: string): messagingApi.TextMessage {
  return {
    type: "text",
    text,
    quickReply: { items: [{ type: "action", action: { type: "postback", label: ja.queueStatus.check, data: "action=queue", displayText: ja.queueStatus.check } }] },
  };
}
