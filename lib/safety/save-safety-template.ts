import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { autoReplyTemplates } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { safetyTemplateBodySchema, safetyTemplateKey, safetyTemplateKindSchema, type SafetyTemplateKind } from "./templates";

/** Saves an admin's wording of one part (known variables only), or with `body: null` restores the default. */
export async function saveSafetyTemplate(db: Db, input: { kind: SafetyTemplateKind; body: string | null }, actor: Actor, at: Date): Promise<void> {
  const key = safetyTemplateKey(safetyTemplateKindSchema.parse(input.kind));
  const text = input.body === null ? null : safetyTemplateBodySchema.parse(input.body);
  await db.transaction(async (tx) => {
    if (text === null) await tx.delete(autoReplyTemplates).where(eq(autoReplyTemplates.key, key));
    else
      await tx
        .insert(autoReplyTemplates)
        .values({ key, body: text, updatedAt: at, updatedBy: actor.id })
        .onConflictDoUpdate({ target: autoReplyTemplates.key, set: { body: text, updatedAt: at, updatedBy: actor.id } });
    await appendAudit(tx, { action: "safety_template.changed", actor, target: `safety_template:${input.kind}`, details: { restoredDefault: text === null, length: text?.length ?? 0 } });
  });
}
