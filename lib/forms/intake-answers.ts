import { z } from "zod";

/**
 * What a consultation stores of the intake: choice ids of its pinned version (never labels), and
 * whether the youth agreed to the terms. Partial while a line-mode intake is under way.
 */
export const storedIntakeSchema = z.object({
  ageBand: z.string().optional(),
  gender: z.string().optional(),
  topics: z.array(z.string()).optional(),
  requester: z.string().optional(),
  consent: z.boolean().optional(),
});
export type StoredIntake = z.infer<typeof storedIntakeSchema>;
