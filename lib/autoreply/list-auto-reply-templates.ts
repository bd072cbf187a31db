import type { DbOrTx } from "@/db";
import { autoReplyTemplates } from "@/db/schema";
import { ja } from "@/lib/i18n/ja";
import { autoReplyKindSchema, type AutoReplyKind } from "./templates";

export type AutoReplyTemplate = { kind: AutoReplyKind; body: string; isDefault: boolean; updatedAt: Date | null };

/** Every kind with the wording in force: the admin's, or the default. */
export async function listAutoReplyTemplates(tx: DbOrTx): Promise<AutoReplyTemplate[]> {
  const rows = await tx.select().from(autoReplyTemplates);
  return autoReplyKindSchema.options.map((kind) => {
    const row = rows.find((r) => r.key === kind);
    return row ? { kind, body: row.body, isDefault: false, updatedAt: row.updatedAt } : { kind, body: ja.autoReply[kind], isDefault: true, updatedAt: null };
  });
}
