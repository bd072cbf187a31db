import type { SafetyReply } from "./render-safety-reply";

/** The safety reply as one plain text (the secure chat's system line, LINE's altText): the text, then the numbers. */
export function formatSafetyText(reply: SafetyReply): string {
  const lines = reply.contacts.map((c) => `・${c.label} ${c.number}${c.note ? `（${c.note}）` : ""}`);
  return [reply.text, ...(lines.length > 0 ? ["", ...lines] : [])].join("\n");
}
