import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { riskLexiconVersions } from "@/db/schema";
import { lexiconEntriesSchema, type RiskLexicon } from "./lexicon";

/** The words in force: the newest version. */
export async function loadRiskLexicon(tx: DbOrTx): Promise<RiskLexicon & { createdAt: Date }> {
  const [row] = await tx.select().from(riskLexiconVersions).orderBy(desc(riskLexiconVersions.version)).limit(1);
  if (!row) throw new Error("no risk lexicon version: ensureRiskLexicon was not run on this database");
  // Stored versions were validated when saved; a failure here means the row was edited by hand.
  return { version: row.version, entries: lexiconEntriesSchema.parse(row.entries), createdAt: row.createdAt };
}
