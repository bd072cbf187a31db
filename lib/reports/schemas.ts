import { z } from "zod";
import { attributeBreakdowns } from "./attribute-schemas";

/*
 * Reports are plain data: the pages, the PDF, the workbook and the CSV all render these objects.
 * They hold counts, times and labels only: no message, summary, note or youth identifier (R21).
 */

const count = z.number().int().nonnegative();

/** One category and how many consultations fall in it; `id` is the stored choice id. */
export const countRowSchema = z.object({ id: z.string(), label: z.string(), count });
export type CountRow = z.infer<typeof countRowSchema>;

/** Seconds; null when no consultation had the event. */
export const durationStatsSchema = z.object({
  count,
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  meanSeconds: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

export const periodSummarySchema = z.object({
  /** 相談受付件数（アクセス）: consultations received (opened) in the period, in hours or not. */
  consultations: count,
  /** Distinct youth behind them (相談者実人数). */
  youths: count,
  staffedArrivals: count,
  outOfHoursArrivals: count,
  /** 対応件数: taken by a counselor. */
  claimed: count,
  /** 実相談件数: a counselor answered at least once, and the record does not mark it 対象外. */
  actual: count,
  /** 未対応: arrived in staffed hours and never taken by a counselor (left, blocked, or still waiting). */
  unanswered: count,
  /** Closed with the record form. */
  recorded: count,
  stillOpen: count,
  emergencies: count,
  referrals: count,
  outOfScope: count,
  abandoned: count,
  /** Messages of closed consultations, per side. */
  youthMessages: count,
  counselorMessages: count,
  /** Received → first claimed, for consultations that arrived in staffed hours. */
  waiting: durationStatsSchema,
  /** Received → first counselor message, for consultations that arrived in staffed hours. */
  firstResponse: durationStatsSchema,
  /** First claimed → closed. */
  duration: durationStatsSchema,
  /** The longest first claimed → closed, seconds. */
  longestSeconds: z.number().nullable(),
});
export type PeriodSummary = z.infer<typeof periodSummarySchema>;

const header = {
  title: z.string(),
  /** The municipality named in the header (configuration); null when not configured. */
  municipality: z.string().nullable(),
  /** JST calendar dates, both inclusive. */
  from: z.string(),
  to: z.string(),
  periodLabel: z.string(),
  generatedAt: z.string(),
  /** No day of the period lies in any schedule's service period: the pages and files say so instead of empty tables. */
  outsideServicePeriod: z.boolean(),
  /** The cover block (宛先, 事業名, 受託者, 業務責任者); blanks until an admin fills them. */
  cover: z.object({ addressee: z.string(), businessName: z.string(), contractor: z.string(), manager: z.string() }),
};

const breakdowns = {
  byAgeBand: z.array(countRowSchema),
  byGender: z.array(countRowSchema),
  /** Several topics may be chosen per record, so these add up to more than the total. */
  byTopic: z.array(countRowSchema),
  byOutcome: z.array(countRowSchema),
  byCloseReason: z.array(countRowSchema),
  byChannel: z.array(countRowSchema),
  /** Arrival hour in JST, 0時台 … 23時台. */
  byTimeBand: z.array(countRowSchema),
  /** Arrival weekday in JST, 日 … 土, with national holidays counted apart as 祝日. */
  byWeekday: z.array(countRowSchema),
  referralsByAgency: z.array(countRowSchema),
  /** The period's emergencies, then per contact kind (警察, 救急 …) the emergencies that contacted it. */
  emergenciesByContact: z.array(countRowSchema),
  ...attributeBreakdowns(countRowSchema),
};

/** A count over categories for each of several groups: 年代×相談内容, 性別×相談内容. */
export const crossTabSchema = z.object({
  columns: z.array(z.object({ id: z.string(), label: z.string() })),
  rows: z.array(z.object({ id: z.string(), label: z.string(), counts: z.array(count) })),
});
export type CrossTab = z.infer<typeof crossTabSchema>;

/** Figures beside the consultation counts: days staffed, the daily average, LINE friends. */
export const serviceFiguresSchema = z.object({
  /** Days with staffed hours under the schedule in force on each. */
  staffedDays: count,
  /** 1日平均相談件数: consultations received ÷ staffed days, one decimal; null without staffed days. */
  dailyAverage: z.number().nullable(),
  /** 友だち登録数 at the period's last snapshot (LINE's Insight API, cumulative); null when it could not be read. */
  followers: count.nullable(),
  followersDate: z.string().nullable(),
});
export type ServiceFigures = z.infer<typeof serviceFiguresSchema>;

const detail = {
  /** 所見・特記事項 the supervisor wrote for the period; null when none was written. */
  remarks: z.string().nullable(),
  service: serviceFiguresSchema,
  /** 相談時間 (first claimed → closed) in bands: 30分未満 … 120分以上. */
  byDuration: z.array(countRowSchema),
  ageByTopic: crossTabSchema,
  genderByTopic: crossTabSchema,
};

export const monthlyReportSchema = z.object({
  kind: z.literal("monthly"),
  month: z.string(),
  ...header,
  summary: periodSummarySchema,
  ...detail,
  previous: z.object({ month: z.string(), periodLabel: z.string(), summary: periodSummarySchema }),
  ...breakdowns,
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

export const monthRowSchema = z.object({
  month: z.string(),
  label: z.string(),
  consultations: count,
  youths: count,
  staffedArrivals: count,
  outOfHoursArrivals: count,
  claimed: count,
  actual: count,
  unanswered: count,
  emergencies: count,
  referrals: count,
  outOfScope: count,
  abandoned: count,
  waitingMedianSeconds: z.number().nullable(),
});
export type MonthRow = z.infer<typeof monthRowSchema>;

export const annualReportSchema = z.object({
  kind: z.literal("annual"),
  fiscalYear: z.number().int(),
  ...header,
  summary: periodSummarySchema,
  ...detail,
  byMonth: z.array(monthRowSchema),
  ...breakdowns,
});
export type AnnualReport = z.infer<typeof annualReportSchema>;

export const workLogDaySchema = z.object({
  date: z.string(),
  label: z.string(),
  /** 「20:00〜24:00」 as the schedule had it. */
  hours: z.string(),
  /** Display names of the counselors who took or answered a consultation that day. */
  staffOnDuty: z.array(z.string()),
  received: count,
  receivedInHours: count,
  handled: count,
  counselorMessages: count,
  closed: count,
  emergencies: count,
  referrals: count,
  riskDetected: count,
  abandoned: count,
  /** Generated sentences about the counts above (緊急対応 1件 …); never anything a person wrote. */
  notes: z.array(z.string()),
});
export type WorkLogDay = z.infer<typeof workLogDaySchema>;

export const dailyWorkLogSchema = z.object({
  kind: z.literal("daily_log"),
  month: z.string(),
  ...header,
  days: z.array(workLogDaySchema),
});
export type DailyWorkLog = z.infer<typeof dailyWorkLogSchema>;

export const receptionRowSchema = z.object({
  /** A JST date (monthly) or a month "YYYY-MM" (annual), or "total". */
  key: z.string(),
  label: z.string(),
  /** Days with staffed hours in this row. */
  staffedDays: count,
  messages: count,
  messagesInHours: count,
  messagesOutOfHours: count,
  /** Images, video, audio, files and locations refused (R12): counted, never kept. */
  refused: count,
  consultations: count,
  consultationsOutOfHours: count,
  youths: count,
  follows: count,
  unblocks: count,
  blocks: count,
});
export type ReceptionRow = z.infer<typeof receptionRowSchema>;

export const monthlyReceptionSchema = z.object({
  kind: z.literal("monthly_reception"),
  month: z.string(),
  ...header,
  days: z.array(receptionRowSchema),
  total: receptionRowSchema,
});
export type MonthlyReception = z.infer<typeof monthlyReceptionSchema>;

export const annualReceptionSchema = z.object({
  kind: z.literal("annual_reception"),
  fiscalYear: z.number().int(),
  ...header,
  months: z.array(receptionRowSchema),
  total: receptionRowSchema,
});
export type AnnualReception = z.infer<typeof annualReceptionSchema>;

export type Report = MonthlyReport | AnnualReport | DailyWorkLog | MonthlyReception | AnnualReception;

export const reportKinds = ["monthly", "daily_log", "monthly_reception", "annual", "annual_reception"] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportFormats = ["pdf", "xlsx", "csv"] as const;
export type ReportFormat = (typeof reportFormats)[number];
