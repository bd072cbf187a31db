import { and, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { surveyResponses } from "@/db/schema";
import type { DateRange } from "@/lib/calendar";
import { choiceLabel, loadCurrentForm } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";
import type { CountRow } from "./schemas";

const UNANSWERED = "unanswered";

/**
 * 利用者アンケート of the consultations received in `range` (answers keep only that month, so a range
 * counts whole months): per question, each choice of the version in force (zeros included) and
 * 無回答 for answers that skipped the question. `responses` counts answers with any question answered.
 */
export async function countSurvey(db: DbOrTx, range: DateRange): Promise<{ responses: number; bySatisfaction: CountRow[]; byAgain: CountRow[] }> {
  const { definition } = await loadCurrentForm(db, "survey");
  const inRange = and(gte(surveyResponses.month, range.from.slice(0, 7)), lte(surveyResponses.month, range.to.slice(0, 7)));
  const answered = sql`(${surveyResponses.satisfaction} is not null or ${surveyResponses.again} is not null or ${surveyResponses.commentEnc} is not null)`;
  const per = async (column: typeof surveyResponses.satisfaction | typeof surveyResponses.again) => {
    const rows = await db
      .select({ key: sql<string>`coalesce(${column}, ${UNANSWERED})`, n: sql<number>`count(*)::int` })
      .from(surveyResponses)
      .where(and(inRange, answered))
      .groupBy(sql`1`);
    return new Map(rows.map((r) => [r.key, Number(r.n)]));
  };
  const rowsOf = (field: typeof definition.satisfaction, counts: Map<string, number>): CountRow[] => {
    const ids = field.choices.map((c) => c.id);
    const extra = [...counts.keys()].filter((id) => id !== UNANSWERED && !ids.includes(id));
    return [
      ...[...ids, ...extra].map((id) => ({ id, label: choiceLabel(field, id), count: counts.get(id) ?? 0 })),
      { id: UNANSWERED, label: ja.reportAttributes.unanswered, count: counts.get(UNANSWERED) ?? 0 },
    ];
  };
  const satisfaction = await per(surveyResponses.satisfaction);
  const again = await per(surveyResponses.again);
  const responses = [...satisfaction.values()].reduce((a, b) => a + b, 0);
  return { responses, bySatisfaction: rowsOf(definition.satisfaction, satisfaction), byAgain: rowsOf(definition.again, again) };
}
