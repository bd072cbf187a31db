import { ja } from "@/lib/i18n/ja";
import type { Cell, ReportTable } from "./report-tables";
import type { AnnualReport, CountRow, MonthlyReport } from "./schemas";

const t = ja.reportAttributes;

/** A share in percent with one decimal; null (「－」) when there is nothing to divide by. */
export const percent = (count: number, total: number): number | null => (total === 0 ? null : Math.round((count * 1000) / total) / 10);

function shareTable(key: string, title: string, sheetName: string, rows: CountRow[], total: number, extra: Cell[][] = []): ReportTable {
  return {
    key,
    title,
    sheetName,
    columns: [t.columns.category, t.columns.count, t.columns.percent],
    rows: [...rows.map((row): Cell[] => [row.label, row.count, percent(row.count, total)]), ...extra],
    chartColumn: 1,
  };
}

/**
 * The issue-16 tables after the other breakdowns, in every format: counts and their share. Shares of
 * 相談者の属性, 新規/継続 and 対応の内容 are of the period's consultations; the survey's are of its answers.
 * 平均相談回数 is 相談件数 ÷ 相談者実人数 of the period.
 */
export function attributeTables(report: MonthlyReport | AnnualReport): ReportTable[] {
  const { consultations, youths } = report.summary;
  const average = youths === 0 ? null : Math.round((consultations * 10) / youths) / 10;
  const survey = report.survey;
  return [
    shareTable("byRequester", t.tables.byRequester, t.sheets.byRequester, report.byRequester, consultations),
    { ...shareTable("byVisit", t.tables.byVisit, t.sheets.byVisit, report.byVisit, consultations, [[t.averageConsultations, average, null]]), chartColumn: undefined },
    shareTable("byAction", t.tables.byAction, t.sheets.byAction, report.byAction, consultations),
    shareTable("surveySatisfaction", t.tables.surveySatisfaction, t.sheets.surveySatisfaction, [{ id: "responses", label: t.responses, count: survey.responses }, ...survey.bySatisfaction], survey.responses),
    shareTable("surveyAgain", t.tables.surveyAgain, t.sheets.surveyAgain, [{ id: "responses", label: t.responses, count: survey.responses }, ...survey.byAgain], survey.responses),
  ];
}
