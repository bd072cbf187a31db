import type { messagingApi } from "@line/bot-sdk";
import { ja } from "@/lib/i18n/ja";
import { formatSafetyText, telUri, type SafetyContact } from "@/lib/safety";
import type { LineMessage } from "@/lib/line-api";

/** LINE's limit for a Flex message's altText (what notifications and old clients show). */
const ALT_TEXT_MAX = 1500;

function contactRow(contact: SafetyContact): messagingApi.FlexBox {
  return {
    type: "box",
    layout: "vertical",
    spacing: "xs",
    contents: [
      { type: "text", text: contact.note ? `${contact.label}（${contact.note}）` : contact.label, wrap: true, size: "sm", color: "#444444" },
      { type: "button", style: "primary", height: "sm", action: { type: "uri", label: ja.safetyNumbers.call(contact.number), uri: telUri(contact.number) } },
    ],
  };
}

/**
 * `text` above one dial button per number (`tel:` URI actions, which the LINE app hands to the phone).
 * The altText carries the numbers too, for a notification or a client that cannot draw Flex.
 */
export function buildSafetyMessage(text: string, contacts: SafetyContact[]): LineMessage {
  return {
    type: "flex",
    altText: formatSafetyText({ text, contacts }).slice(0, ALT_TEXT_MAX),
    contents: {
      type: "bubble",
      body: { type: "box", layout: "vertical", spacing: "md", contents: [{ type: "text", text, wrap: true }, ...contacts.map(contactRow)] },
    },
  };
}
