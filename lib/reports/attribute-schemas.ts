import { z } from "zod";
import type { countRowSchema } from "./schemas";

const count = z.number().int().nonnegative();

/**
 * The figures published LINE相談 results count beside the issue-5 categories (issue 16), shared by
 * the monthly and the annual report: who consulted, 新規/継続, the detailed 対応の内容, and the
 * 利用者アンケート. docs/ARCHITECTURE.md defines each. Takes the row schema rather than importing it,
 * because schemas.ts spreads these into its own.
 */
export const attributeBreakdowns = (row: typeof countRowSchema) => ({
  /** 相談者の属性 per consultation received, from its record; 記録なし when the record does not say. */
  byRequester: z.array(row),
  /** 新規 / 継続 per consultation received, as recorded. */
  byVisit: z.array(row),
  /** 対応の内容: several may apply, so these add up to more than the recorded consultations. */
  byAction: z.array(row),
  /** The survey answers of the period's consultations (by the month they were received). */
  survey: z.object({
    /** Answers with at least one question answered. */
    responses: count,
    bySatisfaction: z.array(row),
    byAgain: z.array(row),
  }),
});
