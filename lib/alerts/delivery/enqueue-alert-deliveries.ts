import type { DbOrTx } from "@/db";
import { alertOutbox } from "@/db/schema";
import { alertPayloadSchema, type AlertPayload } from "./payload";

/** Queues one e-mail per address and one webhook POST; the worker sends them after the commit. */
export async function enqueueAlertDeliveries(
  tx: DbOrTx,
  input: ({ alertId: string } | { operationalAlertId: string }) & { payload: AlertPayload; emails: string[]; webhook: boolean; at: Date },
): Promise<number> {
  const payload = alertPayloadSchema.parse(input.payload);
  const rows = [
    ...input.emails.map((recipient) => ({ channel: "email" as const, recipient })),
    ...(input.webhook ? [{ channel: "webhook" as const, recipient: null }] : []),
  ].map((r) => ({ ...r, ...("alertId" in input ? { alertId: input.alertId } : { operationalAlertId: input.operationalAlertId }), payload, createdAt: input.at }));
  if (rows.length > 0) await tx.insert(alertOutbox).values(rows);
  return rows.length;
}
