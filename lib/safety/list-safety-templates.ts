import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { autoReplyTemplates } from "@/db/schema";
import { ja } from "@/lib/i18n/ja";
import { safetyTemplateKey, safetyTemplateKindSchema, type SafetyTemplateKind } from "./templates";

export type SafetyTemplate = { kind: SafetyTemplateKind; body: string; isDefault: boolean };

/** Every part of the safety reply with the wording in force: the admin's, or the default in lib/i18n. */
export async function listSafetyTemplates(tx: DbOrTx): Promise<SafetyTemplate[]> {
  const kinds = safetyTemplateKindSchema.options;
  const rows = await tx.select().from(autoReplyTemplates).where(inArray(autoReplyTemplates.key, kinds.map(safetyTemplateKey)));
  return kinds.map((kind) => {
    const row = rows.find((r) => r.key === safetyTemplateKey(kind));
    return row ? { kind, body: row.body, isDefault: false } : { kind, body: ja.safetyReply[kind], isDefault: true };
  });
}
