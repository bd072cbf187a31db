import type { DbOrTx } from "@/db";
import { riskLexiconVersions } from "@/db/schema";
import { defaultLexicon } from "./default-lexicon";

/**
 * Inserts version 1 of the risk words when the database has none (app start, CLIs, test databases,
 * as ensureFormVersions does for the forms). Instances starting together insert it once: the version is unique.
 */
export async function ensureRiskLexicon(db: DbOrTx): Promise<void> {
  await db.insert(riskLexiconVersions).values({ version: 1, entries: defaultLexicon, note: "version 1" }).onConflictDoNothing();
}
