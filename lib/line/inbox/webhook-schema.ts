import { z } from "zod";

/** Only what Soudan relies on is checked here; the rest of each event is kept as LINE sent it. */
export const webhookEventSchema = z.looseObject({
  type: z.string().min(1),
  /** Within what a JavaScript Date can hold: a later one could never be handled. */
  timestamp: z.number().int().nonnegative().max(8.64e15),
  webhookEventId: z.string().min(1).max(100).optional(),
  mode: z.string().optional(),
  source: z.looseObject({ type: z.string(), userId: z.string().optional() }).optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
});

/** Events are checked one by one: a malformed event is kept as failed, never costing its batch. */
export const webhookBodySchema = z.object({
  destination: z.string().optional(),
  events: z.array(z.unknown()).max(1000),
});

export type StoredWebhookEvent = z.infer<typeof webhookEventSchema>;
