import type { DbOrTx } from "@/db";
import { consultationMessages } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import { formatSafetyText } from "./format-safety-text";
import type { SafetyReply } from "./render-safety-reply";

/**
 * Keeps the safety reply in the consultation as a system message: the secure chat shows it to the
 * youth, and the counselor sees that the numbers were given.
 */
export async function storeSafetyReply(
  tx: DbOrTx,
  input: { consultationId: string; via: "line" | "secure_chat"; reply: SafetyReply; at: Date },
  keyring: Keyring,
): Promise<void> {
  await tx.insert(consultationMessages).values({
    consultationId: input.consultationId,
    sender: "system",
    kind: "text",
    bodyEnc: encryptField(keyring, formatSafetyText(input.reply)),
    via: input.via,
    sentAt: input.at,
  });
}
