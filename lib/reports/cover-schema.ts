import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

const e = ja.reports.cover.errors;
const line = (max: number) => z.string({ error: e.required }).trim().min(1, { error: e.required }).max(max, { error: e.tooLong(max) });

/** The cover block a city expects on a submitted report: to whom, for which business, from whom. */
export const reportCoverSchema = z.object({
  /** 「武雄市長」: printed with 様. */
  addressee: line(60),
  businessName: line(100),
  contractor: line(100),
  /** 業務責任者 */
  manager: line(60),
});
export type ReportCover = z.infer<typeof reportCoverSchema>;
