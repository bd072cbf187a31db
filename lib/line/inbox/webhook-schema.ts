import { z } from "zod";

/** Only what Soudan relies on is checked here; the rest of each event is kept as LINE sent it. */
export const webhookEventSchema = z.looseObject({
  type: z.string().min(1),
  timestamp: z.number().int().nonnegative(),
  webhookEventId: z.string().min(1).max(100).optional(),
  mode: z.string().optional(),
  source: z.looseObject({ type: z.string(), userId: z.string().optional() }).optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
});

export const webhookBodySchema = z.object({
  destination: z.string().optional(),
  events: z.array(webhookEventSchema).max(1000),
});

export type StoredWebhookEvent = z.infer<typeof webhookEventSchema>;
