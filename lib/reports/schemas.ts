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
  /** Consultations received (opened) in the period. */
  consultations: count,
  /** Distinct youth behind them (相談者実人数). */
  youths: count,
  staffedArrivals: count,
  outOfHoursArrivals: count,
  /** Taken by a counselor. */
  claimed: count,
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

export const monthlyReportSchema = z.object({
  kind: z.literal("monthly"),
  month: z.string(),
  ...header,
  summary: periodSummarySchema,
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
