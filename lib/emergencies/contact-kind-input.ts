import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

const e = ja.emergency.kindsAdmin.errors;

const CONTACT_KIND_LABEL_MAX = 30;

/** A contact kind as the admin page submits it: its name, its place in the list, in use or not. */
export const contactKindInputSchema = z.object({
  label: z
    .string({ error: e.labelRequired })
    .trim()
    .min(1, { error: e.labelRequired })
    .max(CONTACT_KIND_LABEL_MAX, { error: e.labelTooLong(CONTACT_KIND_LABEL_MAX) }),
  sortOrder: z.coerce.number({ error: e.order }).int({ error: e.order }).min(0, { error: e.order }).max(9999, { error: e.order }),
  active: z.boolean().default(true),
});
export type ContactKindInput = z.input<typeof contactKindInputSchema>;

/**
 * Two names that read the same on a report are one kind: full- and half-width forms and spaces do not
 * make 「児童相談所」 and 「児童相談所 」 (or ＡＢＣ and ABC) different.
 */
export function contactKindKey(label: string): string {
  return label.normalize("NFKC").replace(/\s/g, "").toLowerCase();
}
