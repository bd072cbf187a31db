import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { autoReplyTemplates } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { autoReplyKindSchema, templateBodySchema, type AutoReplyKind } from "./templates";

/** Saves an admin's wording (validated: known variables only), or with `body: null` restores the default. */
export async function saveAutoReplyTemplate(db: Db, input: { kind: AutoReplyKind; body: string | null; at: Date }, actor: Actor): Promise<void> {
  const key = autoReplyKindSchema.parse(input.kind);
  const text = input.body === null ? null : templateBodySchema.parse(input.body);
  await db.transaction(async (tx) => {
    if (text === null) {
      await tx.delete(autoReplyTemplates).where(eq(autoReplyTemplates.key, key));
    } else {
      await tx
        .insert(autoReplyTemplates)
        .values({ key, body: text, updatedAt: input.at, updatedBy: actor.id })
        .onConflictDoUpdate({ target: autoReplyTemplates.key, set: { body: text, updatedAt: input.at, updatedBy: actor.id } });
    }
    await appendAudit(tx, { action: "autoreply.changed", actor, target: `autoreply:${key}`, details: { restoredDefault: text === null, length: text?.length ?? 0 } });
  });
}
