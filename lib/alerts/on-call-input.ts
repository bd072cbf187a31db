import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

const m = ja.onCall.errors;

/** A JST wall-clock time as a `datetime-local` field sends it (2024-12-05T20:00). */
const jstDateTime = (message: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message)
    .transform((v) => new Date(`${v}:00+09:00`))
    .refine((d) => !Number.isNaN(d.getTime()), message);

export const onCallInputSchema = z
  .object({
    name: z.string().trim().min(1, m.name).max(60, m.nameTooLong),
    email: z.string().trim().toLowerCase().pipe(z.email(m.email)),
    startsAt: jstDateTime(m.startsAt),
    endsAt: jstDateTime(m.endsAt),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: m.endBeforeStart });
export type OnCallInput = z.input<typeof onCallInputSchema>;
