import type { DbOrTx } from "@/db";
import { assessText, type RiskAssessment } from "./assess-text";
import { loadRiskLexicon } from "./load-risk-lexicon";

/** `text` assessed with the lexicon in force (the CLI, the try-a-phrase page and every text a youth sends). */
export async function assessRisk(tx: DbOrTx, text: string): Promise<RiskAssessment> {
  return assessText(await loadRiskLexicon(tx), text);
}
