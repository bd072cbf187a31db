import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages } from "@/db/schema";
import type { DeliverySettled } from "@/lib/line-api";
import { publishConsoleEvent } from "@/lib/realtime";

/**
 * The outbox's settled-call listener. A counselor's message shows its call's state (queued, sent,
 * failed) straight from the outbox row, so nothing is stored here: the consoles showing the
 * conversations the call carries are told (ids only), in the transaction that settled it.
 */
export async function announceMessageDelivery(tx: DbOrTx, settled: DeliverySettled): Promise<void> {
  const carried = await tx
    .selectDistinct({ consultationId: consultationMessages.consultationId })
    .from(consultationMessages)
    .where(eq(consultationMessages.outboxId, settled.outboxId));
  for (const { consultationId } of carried) await publishConsoleEvent(tx, { kind: "delivery", consultationId });
}
