import { z } from "zod";
import { ja } from "@/lib/i18n/ja";
import { normalizeText } from "./normalize-text";

const t = ja.riskAdmin.errors;

export const TERM_MAX = 40;
export const EXCLUSION_MAX = 60;

/**
 * One risk word. `exclusions` are longer phrases containing it that mean nothing of the kind
 * (死ぬ in 死ぬほど笑った): an occurrence inside one of them does not count.
 */
export const lexiconEntrySchema = z.object({
  term: z.string({ error: t.emptyTerm }).trim().min(1, { error: t.emptyTerm }).max(TERM_MAX, { error: t.termTooLong(TERM_MAX) }),
  level: z.enum(["concern", "high"], { error: t.level }),
  exclusions: z
    .array(z.string().trim().min(1, { error: t.emptyExclusion }).max(EXCLUSION_MAX, { error: t.exclusionTooLong(EXCLUSION_MAX) }))
    .max(30)
    .default([]),
});
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

/**
 * The words as a whole. Two terms that fold to the same form (死にたい and シニタイ) are duplicates:
 * normalisation already matches both, and two rows could disagree on the level.
 */
export const lexiconEntriesSchema = z
  .array(lexiconEntrySchema)
  .min(1, { error: t.noTerms })
  .max(1000)
  .superRefine((entries, ctx) => {
    const seen = new Map<string, string>();
    entries.forEach((entry, i) => {
      const key = normalizeText(entry.term);
      if (key === "") return ctx.addIssue({ code: "custom", path: [i, "term"], message: t.emptyTerm });
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "term"], message: t.duplicateTerm(first) });
      else seen.set(key, entry.term);
      entry.exclusions.forEach((exclusion, j) => {
        if (!normalizeText(exclusion).includes(key)) ctx.addIssue({ code: "custom", path: [i, "exclusions", j], message: t.exclusionWithoutTerm(entry.term) });
      });
    });
  });

export interface RiskLexicon {
  version: number;
  entries: LexiconEntry[];
}
