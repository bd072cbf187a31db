import { z } from "zod";
import { templateBodySchemaFor } from "@/lib/autoreply";

/** The safety reply's editable parts: one per situation, and the sentence saying staff were told. */
export const safetyTemplateKindSchema = z.enum(["in_hours", "out_of_hours", "no_session", "staff_told"]);
export type SafetyTemplateKind = z.infer<typeof safetyTemplateKindSchema>;

export const safetyTemplateTokens = { nextOpening: "{次の相談時間}", staffTold: "{職員への連絡}" } as const;

export const safetyTemplateBodySchema = templateBodySchemaFor(Object.values(safetyTemplateTokens));

/** Stored beside the automatic replies (auto_reply_templates), under keys of their own. */
export function safetyTemplateKey(kind: SafetyTemplateKind): string {
  return `safety_${kind}`;
}
