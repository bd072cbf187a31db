import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { autoReplyTemplates } from "@/db/schema";
import { ja } from "@/lib/i18n/ja";
import { renderTemplate, type AutoReplyKind, type TemplateVariable } from "./templates";

/** The text of one automatic reply: the admin's wording for `kind` (or the default), variables filled in. */
export async function renderAutoReply(tx: DbOrTx, kind: AutoReplyKind, values: Partial<Record<TemplateVariable, string>>): Promise<string> {
  const [row] = await tx.select({ body: autoReplyTemplates.body }).from(autoReplyTemplates).where(eq(autoReplyTemplates.key, kind));
  return renderTemplate(row?.body ?? ja.autoReply[kind], values);
}
