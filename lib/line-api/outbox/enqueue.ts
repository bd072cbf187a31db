import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { lineOutbox } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import type { LineMessage } from "../api";
import { sealPayload, type OutboxKind, type OutboxPayload } from "./payload";

/** LINE accepts a reply token for about a minute after the event; a margin leaves room for the send itself. */
export const REPLY_TOKEN_LIFETIME_MS = 50_000;

/** Answers an event: by its reply token while fresh (free), by push otherwise. */
export async function enqueueReply(
  tx: DbOrTx,
  input: { youthId: string; replyToken?: string; receivedAt: Date; messages: LineMessage[] },
  keyring: Keyring,
): Promise<void> {
  await tx.insert(lineOutbox).values({
    kind: input.replyToken ? "reply" : "push",
    youthId: input.youthId,
    payloadEnc: sealPayload(keyring, "reply", { messages: input.messages }),
    replyToken: input.replyToken ?? null,
    replyTokenExpiresAt: input.replyToken ? new Date(input.receivedAt.getTime() + REPLY_TOKEN_LIFETIME_MS) : null,
  });
}

export async function enqueueLineCall<K extends Exclude<OutboxKind, "reply">>(
  tx: DbOrTx,
  input: { youthId: string; kind: K; payload: OutboxPayload<K> },
  keyring: Keyring,
): Promise<string> {
  const [row] = await tx
    .insert(lineOutbox)
    .values({ kind: input.kind, youthId: input.youthId, payloadEnc: sealPayload(keyring, input.kind, input.payload) })
    .returning({ id: lineOutbox.id });
  // The id lets a counselor's message show the state of the call that carries it.
  return row!.id;
}

/** A youth who blocked the account cannot receive anything: what is still queued for them is dropped. */
export async function cancelPendingCalls(tx: DbOrTx, youthId: string): Promise<void> {
  await tx
    .update(lineOutbox)
    .set({ status: "cancelled" })
    .where(and(eq(lineOutbox.youthId, youthId), eq(lineOutbox.status, "pending")));
}
