import { z } from "zod";

export const cannedInputSchema = z.object({
  title: z.string().trim().min(1, "見出しを入力してください。").max(60, "見出しは60文字以内にしてください。"),
  body: z.string().trim().min(1, "本文を入力してください。").max(2000, "本文は2000文字以内にしてください。"),
  active: z.boolean().default(true),
});
export type CannedInput = z.input<typeof cannedInputSchema>;
