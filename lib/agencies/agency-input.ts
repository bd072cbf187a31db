import { z } from "zod";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || null)
    .nullish();

/** An agency as the admin form submits it; messages shown beside each field. */
export const agencyInputSchema = z.object({
  name: z.string().trim().min(1, "名称を入力してください。").max(100, "名称は100文字以内にしてください。"),
  phone: optionalText(40, "電話番号は40文字以内にしてください。"),
  hours: optionalText(200, "受付時間は200文字以内にしてください。"),
  url: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https?$/, error: "URLは http:// または https:// で始めてください。" }).nullable())
    .nullish(),
  topics: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  active: z.boolean().default(true),
  isExample: z.boolean().default(false),
});
export type AgencyInput = z.input<typeof agencyInputSchema>;
