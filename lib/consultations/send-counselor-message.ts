import type { Db } from "@/db";
import { consultationMessages } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import { enqueueLineCall } from "@/lib/line-api";
import { publishConsoleEvent } from "@/lib/realtime";
import type { ConsoleActor } from "./actor";
import { ConsoleError } from "./errors";
import { loadConsultationForUpdate } from "./load-consultation-for-update";
import { queueReplyNotice } from "./queue-reply-notice";

/** LINE allows 5000 characters per text message; a reply to a child should be far shorter anyway. */
export const MAX_MESSAGE_LENGTH = 2000;

export type ChatMode = "secure" | "line";

/**
 * The holder's reply, stored encrypted. In `line` mode the words themselves go out as a push through
 * the outbox. In `secure` mode nothing of them goes to LINE: the youth reads the reply in the secure
 * chat, live if it is open, and otherwise gets one content-free notice per burst (queueReplyNotice)
 * whose button opens `liffUrl`. The message points at the outbox row that carries or announces it,
 * whose state it shows. The caller wakes the LINE workers after the commit.
 */
export async function sendCounselorMessage(
  db: Db,
  input: { consultationId: string; text: string; at: Date; mode: ChatMode; liffUrl?: string | null },
  actor: ConsoleActor,
  keyring: Keyring,
): Promise<{ messageId: string }> {
  const text = input.text.trim();
  if (!text) throw new ConsoleError("empty_message");
  if (text.length > MAX_MESSAGE_LENGTH) throw new ConsoleError("too_long");
  return db.transaction(async (tx) => {
    const consultation = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: false, secondResponderToo: true });
    const outboxId =
      input.mode === "line"
        ? await enqueueLineCall(tx, { youthId: consultation.youthId, kind: "push", payload: { messages: [{ type: "text", text }] } }, keyring)
        : await queueReplyNotice(tx, { consultationId: consultation.id, youthId: consultation.youthId, at: input.at, liffUrl: input.liffUrl ?? null }, keyring);
    const [row] = await tx
      .insert(consultationMessages)
      .values({
        consultationId: consultation.id,
        sender: "counselor",
        kind: "text",
        bodyEnc: encryptField(keyring, text),
        via: input.mode === "line" ? "line" : "secure_chat",
        sentAt: input.at,
        authorId: actor.id,
        outboxId,
      })
      .returning({ id: consultationMessages.id });
    await publishConsoleEvent(tx, { kind: "message", consultationId: consultation.id });
    return { messageId: row!.id };
  });
}
