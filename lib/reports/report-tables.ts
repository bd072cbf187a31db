import { ja } from "@/lib/i18n/ja";
import { attributeTables } from "./attribute-tables";
import type { AnnualReport, CountRow, CrossTab, DurationStats, MonthlyReport, PeriodSummary, ReceptionRow, Report } from "./schemas";

/** A cell: a count, minutes (one decimal), text, or null shown as 「－」. */
export type Cell = string | number | null;

/**
 * One table of a report as every format shows it: the PDF section, the workbook sheet, the CSV block
 * and the page all render these, so the figures agree by construction.
 */
export interface ReportTable {
  key: string;
  title: string;
  /** Japanese, unique within the workbook, at most 31 characters (Excel's limit). */
  sheetName: string;
  columns: string[];
  rows: Cell[][];
  /** Index of the column a bar chart shows on the page, for count-by-category tables. */
  chartColumn?: number;
  /** Wide tables print in landscape. */
  wide?: boolean;
  /** The last row adds up the others (the chart leaves it out). */
  totalRow?: boolean;
}

const t = ja.reports;
const c = t.columns;

/** Seconds to minutes with one decimal, as the tables show durations. */
export const minutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 6) / 10);

/** How a cell reads in the PDF, the CSV and on the page; the workbook keeps numbers as numbers. */
export function formatCell(cell: Cell): string {
  return cell === null ? t.labels.none : String(cell);
}

const summaryKeys = [
  "consultations",
  "youths",
  "staffedArrivals",
  "outOfHoursArrivals",
  "claimed",
  "actual",
  "unanswered",
  "recorded",
  "stillOpen",
  "emergencies",
  "referrals",
  "outOfScope",
  "abandoned",
  "youthMessages",
  "counselorMessages",
] as const satisfies readonly (keyof PeriodSummary)[];

function timesTable(summary: PeriodSummary): ReportTable {
  const row = (label: string, stats: DurationStats): Cell[] => [label, stats.count, minutes(stats.medianSeconds), minutes(stats.p90Seconds), minutes(stats.meanSeconds)];
  return {
    key: "times",
    title: t.tables.times,
    sheetName: t.sheets.times,
    columns: [c.item, c.count, c.median, c.p90, c.mean],
    rows: [row(t.figures.waiting, summary.waiting), row(t.figures.firstResponse, summary.firstResponse), row(t.figures.duration, summary.duration)],
  };
}

type BreakdownKey = "byAgeBand" | "byGender" | "byTopic" | "byOutcome" | "byCloseReason" | "byChannel" | "byTimeBand" | "byWeekday" | "referralsByAgency" | "emergenciesByContact";
const breakdownKeys: readonly BreakdownKey[] = ["byAgeBand", "byGender", "byTopic", "byOutcome", "byCloseReason", "byChannel", "byTimeBand", "byWeekday", "referralsByAgency", "emergenciesByContact"];

/** 開設日数, the daily average, LINE friends and the longest consultation: one value each. */
function serviceTable(report: MonthlyReport | AnnualReport): ReportTable {
  const { service } = report;
  const followers: Cell = service.followers === null ? t.labels.followersUnavailable : service.followers;
  return {
    key: "service",
    title: t.tables.service,
    sheetName: t.sheets.service,
    columns: [c.item, c.value],
    rows: [
      [t.figures.staffedDays, service.staffedDays],
      [t.figures.dailyAverage, service.dailyAverage],
      [service.followersDate ? `${t.figures.followers}${t.labels.followersAsOf(service.followersDate)}` : t.figures.followers, followers],
      [t.figures.longest, minutes(report.summary.longestSeconds)],
    ],
  };
}

function crossTable(key: "ageByTopic" | "genderByTopic", first: string, tab: CrossTab): ReportTable {
  return {
    key,
    title: t.tables[key],
    sheetName: t.sheets[key],
    columns: [first, ...tab.columns.map((column) => column.label), t.labels.total],
    rows: tab.rows.map((row) => [row.label, ...row.counts, row.counts.reduce((n, v) => n + v, 0)]),
    wide: true,
  };
}

/** The tables the monthly and annual reports share after their summaries; the 所見 come last. */
function detailTables(report: MonthlyReport | AnnualReport): ReportTable[] {
  return [
    serviceTable(report),
    { key: "byDuration", title: t.tables.byDuration, sheetName: t.sheets.byDuration, columns: [c.category, c.count], rows: report.byDuration.map((row) => [row.label, row.count]), chartColumn: 1 },
    ...breakdownTables(report),
    crossTable("ageByTopic", c.ageBand, report.ageByTopic),
    crossTable("genderByTopic", c.gender, report.genderByTopic),
    ...attributeTables(report),
    { key: "remarks", title: t.remarks.title, sheetName: t.remarks.title, columns: [t.remarks.title], rows: [[report.remarks ?? t.remarks.none]] },
  ];
}

function breakdownTables(report: MonthlyReport | AnnualReport): ReportTable[] {
  return breakdownKeys.map((key) => ({
    key,
    title: t.tables[key],
    sheetName: t.sheets[key],
    columns: [c.category, c.count],
    rows: (report[key] as CountRow[]).map((row) => [row.label, row.count]),
    chartColumn: 1,
  }));
}

function monthlyTables(report: MonthlyReport): ReportTable[] {
  const summary: ReportTable = {
    key: "summary",
    title: t.tables.summary,
    sheetName: t.sheets.summary,
    columns: [c.item, `${c.current}（${report.periodLabel}）`, `${c.previous}（${report.previous.periodLabel}）`, c.difference],
    rows: [
      ...summaryKeys.map((key): Cell[] => [t.figures[key], report.summary[key], report.previous.summary[key], report.summary[key] - report.previous.summary[key]]),
      ...(["waiting", "firstResponse"] as const).map((key): Cell[] => {
        const current = minutes(report.summary[key].medianSeconds);
        const previous = minutes(report.previous.summary[key].medianSeconds);
        return [`${t.figures[key]} ${c.median}`, current, previous, current === null || previous === null ? null : Math.round((current - previous) * 10) / 10];
      }),
    ],
  };
  return [summary, timesTable(report.summary), ...detailTables(report)];
}

function annualTables(report: AnnualReport): ReportTable[] {
  const summary: ReportTable = {
    key: "summary",
    title: t.tables.summary,
    sheetName: t.sheets.summary,
    columns: [c.item, c.value],
    rows: summaryKeys.map((key) => [t.figures[key], report.summary[key]]),
  };
  const byMonth: ReportTable = {
    key: "byMonth",
    title: t.tables.byMonth,
    sheetName: t.sheets.byMonth,
    columns: [c.month, c.consultations, c.youths, c.staffedArrivals, c.outOfHoursArrivals, c.claimed, c.actual, c.unanswered, c.emergencies, c.referrals, c.outOfScope, c.abandoned, c.waitingMedian],
    rows: report.byMonth.map((m) => [
      m.label,
      m.consultations,
      m.youths,
      m.staffedArrivals,
      m.outOfHoursArrivals,
      m.claimed,
      m.actual,
      m.unanswered,
      m.emergencies,
      m.referrals,
      m.outOfScope,
      m.abandoned,
      minutes(m.waitingMedianSeconds),
    ]),
    chartColumn: 1,
    wide: true,
  };
  return [summary, timesTable(report.summary), byMonth, ...detailTables(report)];
}

const receptionColumns = (first: string) => [
  first,
  c.staffedDays,
  c.messages,
  c.messagesInHours,
  c.messagesOutOfHours,
  c.refused,
  c.consultations,
  c.consultationsOutOfHours,
  c.youths,
  c.follows,
  c.unblocks,
  c.blocks,
];

function receptionRow(row: ReceptionRow, staffed: Cell): Cell[] {
  return [
    row.label,
    staffed,
    row.messages,
    row.messagesInHours,
    row.messagesOutOfHours,
    row.refused,
    row.consultations,
    row.consultationsOutOfHours,
    row.youths,
    row.follows,
    row.unblocks,
    row.blocks,
  ];
}

/** The tables of any report, in the order every format presents them. */
export function reportTables(report: Report): ReportTable[] {
  switch (report.kind) {
    case "monthly":
      return monthlyTables(report);
    case "annual":
      return annualTables(report);
    case "daily_log":
      return [
        {
          key: "workLog",
          title: t.tables.workLog,
          sheetName: t.sheets.workLog,
          columns: [c.date, c.hours, c.staffOnDuty, c.received, c.receivedInHours, c.handled, c.counselorMessages, c.closed, c.emergencies, c.referrals, c.riskDetected, c.abandoned, c.notes],
          rows: report.days.map((d) => [
            d.label,
            d.hours,
            d.staffOnDuty.join("、"),
            d.received,
            d.receivedInHours,
            d.handled,
            d.counselorMessages,
            d.closed,
            d.emergencies,
            d.referrals,
            d.riskDetected,
            d.abandoned,
            d.notes.join("、"),
          ]),
          wide: true,
        },
      ];
    case "monthly_reception":
      return [
        {
          key: "reception",
          title: t.tables.reception,
          sheetName: t.sheets.reception,
          columns: receptionColumns(c.date),
          rows: [...report.days.map((d) => receptionRow(d, d.staffedDays ? t.labels.staffedMark : "")), receptionRow(report.total, report.total.staffedDays)],
          chartColumn: 2,
          wide: true,
          totalRow: true,
        },
      ];
    case "annual_reception":
      return [
        {
          key: "reception",
          title: t.tables.reception,
          sheetName: t.sheets.reception,
          columns: receptionColumns(c.month),
          rows: [...report.months, report.total].map((m) => receptionRow(m, m.staffedDays)),
          chartColumn: 2,
          wide: true,
          totalRow: true,
        },
      ];
  }
}
