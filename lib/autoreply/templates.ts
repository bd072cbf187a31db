import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

/** Every situation with an automatic reply; each has a default wording in lib/i18n and may be edited. */
export const autoReplyKindSchema = z.enum([
  "waiting",
  "waiting_next",
  "busy",
  "self_help",
  "before_opening",
  "out_of_hours",
  "closing_while_waiting",
  "service_ended",
  "no_schedule",
  "greeting",
  "consult_start",
  "hours",
  "media_refused",
  "closed",
  "closed_inactive",
  "closed_at_closing_time",
]);
export type AutoReplyKind = z.infer<typeof autoReplyKindSchema>;

/** The variables a template may use, written in Japanese so the admins who edit them can read them. */
export const templateVariables = {
  nextOpening: "{次の相談時間}",
  position: "{順番}",
  estimatedWait: "{待ち時間の目安}",
  upcomingOpenings: "{これからの相談時間}",
} as const;
export type TemplateVariable = keyof typeof templateVariables;

/** Longest wording an admin may save; the edit form counts characters against it. */
export const TEMPLATE_MAX_LENGTH = 1000;

/** A wording's schema for a set of `{…}` tokens: other modules' editable replies (lib/safety) use it with their own. */
export function templateBodySchemaFor(tokens: readonly string[]) {
  const known = new Set(tokens);
  return z
    .string()
    .trim()
    .min(1, ja.scheduleAdmin.templates.errors.bodyRequired)
    .max(TEMPLATE_MAX_LENGTH, ja.scheduleAdmin.templates.errors.bodyTooLong(TEMPLATE_MAX_LENGTH))
    .superRefine((body, ctx) => {
      for (const match of body.matchAll(/\{[^{}]*\}/g)) {
        if (!known.has(match[0])) {
          ctx.addIssue({ code: "custom", message: ja.scheduleAdmin.templates.errors.unknownVariable(match[0], [...known]) });
        }
      }
    });
}

export const templateBodySchema = templateBodySchemaFor(Object.values(templateVariables));

/** Fills each `{…}` token with its value (missing ones with nothing). */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return Object.entries(values).reduce((text, [token, value]) => text.split(token).join(value), body);
}

export function renderTemplate(body: string, values: Partial<Record<TemplateVariable, string>>): string {
  const tokens = Object.entries(templateVariables) as [TemplateVariable, string][];
  return fillTemplate(body, Object.fromEntries(tokens.map(([name, token]) => [token, values[name] ?? ""])));
}
