import { z } from "zod";
import { decryptField, encryptField, type Keyring } from "@/lib/crypto";
import type { LineMessage } from "../api";

const messagesPayload = z.object({ messages: z.array(z.custom<LineMessage>((m) => typeof m === "object" && m !== null)).min(1).max(5) });
const loadingPayload = z.object({ seconds: z.number().int().min(5).max(60) });
const richMenuPayload = z.object({ richMenuId: z.string().min(1) });
/** The webhook event's `message.markAsReadToken`: the public mark-as-read endpoint takes it instead of a user id. */
const markReadPayload = z.object({ markAsReadToken: z.string().min(1) });

export const outboxPayloads = {
  reply: messagesPayload,
  push: messagesPayload,
  loading: loadingPayload,
  mark_read: markReadPayload,
  richmenu_link: richMenuPayload,
} as const;

export type OutboxKind = keyof typeof outboxPayloads;
export type OutboxPayload<K extends OutboxKind> = z.infer<(typeof outboxPayloads)[K]>;

export function sealPayload<K extends OutboxKind>(keyring: Keyring, kind: K, payload: OutboxPayload<K>): string {
  return encryptField(keyring, JSON.stringify(outboxPayloads[kind].parse(payload)));
}

export function openPayload<K extends OutboxKind>(keyring: Keyring, kind: K, sealed: string | null): OutboxPayload<K> {
  // Only settled calls are purged (lib/retention), and a purged one is never queued again.
  if (sealed === null) throw new RangeError("the call's payload was purged after its retention period");
  return outboxPayloads[kind].parse(JSON.parse(decryptField(keyring, sealed))) as OutboxPayload<K>;
}
