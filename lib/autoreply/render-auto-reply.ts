import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { autoReplyTemplates } from "@/db/schema";
import { easy, rubyToKana } from "@/lib/i18n/client";
import { ja } from "@/lib/i18n/ja";
import { renderTemplate, type AutoReplyKind, type TemplateVariable } from "./templates";

/**
 * The text of one automatic reply: the admin's wording for `kind` (or the default), variables filled in.
 * A youth who reads やさしい日本語 gets the default's easy version in kana (LINE shows no furigana);
 * an admin's own wording has no easy version and is sent as written.
 */
export async function renderAutoReply(tx: DbOrTx, kind: AutoReplyKind, values: Partial<Record<TemplateVariable, string>>, reader = { easy: false }): Promise<string> {
  const [row] = await tx.select({ body: autoReplyTemplates.body }).from(autoReplyTemplates).where(eq(autoReplyTemplates.key, kind));
  // Not every wording has its easy version yet: the standard one stands in.
  const easyText = reader.easy ? (easy.autoReply as Partial<Record<AutoReplyKind, string>>)[kind] : undefined;
  return renderTemplate(row?.body ?? (easyText ? rubyToKana(easyText) : ja.autoReply[kind]), values);
}
