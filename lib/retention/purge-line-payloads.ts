import { and, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { lineInbox, lineOutbox } from "@/db/schema";

/**
 * Erases the payloads of inbox events handled (or given up) and outbox calls settled before `cutoff`.
 * The rows stay: the inbox's event id keeps a late redelivery from being handled twice, and the
 * outbox's rows are how /admin/line counts the month's paid pushes. Pending rows are never touched.
 */
export async function purgeLinePayloads(tx: Tx, { cutoff, at }: { cutoff: Date; at: Date }) {
  const inbox = await tx
    .update(lineInbox)
    .set({ payloadEnc: null, payloadPurgedAt: at })
    .where(
      and(
        isNotNull(lineInbox.payloadEnc),
        inArray(lineInbox.status, ["done", "ignored", "failed"]),
        sql`coalesce(${lineInbox.processedAt}, ${lineInbox.receivedAt}) < ${cutoff.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: lineInbox.webhookEventId });
  const outbox = await tx
    .update(lineOutbox)
    .set({ payloadEnc: null, payloadPurgedAt: at })
    .where(
      and(
        isNotNull(lineOutbox.payloadEnc),
        inArray(lineOutbox.status, ["sent", "failed", "cancelled"]),
        sql`coalesce(${lineOutbox.sentAt}, ${lineOutbox.createdAt}) < ${cutoff.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: lineOutbox.id });
  return { inboxPayloads: inbox.length, outboxPayloads: outbox.length };
}
