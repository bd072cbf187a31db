import { z } from "zod";
import { minutesOf } from "./time-of-day";

// Messages are shown as-is in the admin console's schedule form, so they are Japanese and name
// the offending value.
type FormatIssue = { input?: unknown };

function formatError(label: string, expected: string) {
  return (issue: FormatIssue) =>
    issue.input === undefined || issue.input === ""
      ? `${label}を入力してください`
      : `${label}「${String(issue.input)}」は正しくありません。${expected}で入力してください`;
}

/** A real calendar date "YYYY-MM-DD" (2024-02-30 is rejected). */
function calendarDate(label: string) {
  return z.iso.date({ error: formatError(label, "実在する日付を YYYY-MM-DD 形式") });
}

function timeOfDay(label: string, pattern: RegExp, range: string) {
  const error = formatError(label, `${range} の HH:MM 形式`);
  return z.string({ error }).regex(pattern, { error });
}

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// "24:00" is the midnight that ends the day, so an evening shift can be written 20:00〜24:00.
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

// Cross-field refinements run only once the fields themselves parsed, so a bad "25:00" yields
// one message, not a follow-on one about ordering.
const whenFieldsValid = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

export const timeframeSchema = z
  .object({
    start: timeOfDay("開始時刻", START_TIME, "00:00〜23:59"),
    end: timeOfDay("終了時刻", END_TIME, "00:00〜24:00"),
  })
  .refine((tf) => minutesOf(tf.end) > minutesOf(tf.start), {
    error: "終了時刻は開始時刻より後にしてください",
    path: ["end"],
    ...whenFieldsValid,
  });
export type Timeframe = z.infer<typeof timeframeSchema>;

/** One day's timeframes; they may touch (and then form one session) but not overlap. */
const timeframeListSchema = z.array(timeframeSchema).superRefine((list, ctx) => {
  const byStart = list.map((tf, index) => ({ tf, index })).sort((a, b) => minutesOf(a.tf.start) - minutesOf(b.tf.start));
  // Compare with the latest-ending timeframe so far, not just the previous one: 20:00〜24:00
  // contains both 21:00〜22:00 and 22:30〜23:00.
  let latest: Timeframe | undefined;
  for (const { tf, index } of byStart) {
    if (latest && minutesOf(tf.start) < minutesOf(latest.end)) {
      ctx.addIssue({ code: "custom", path: [index], message: `${latest.start}〜${latest.end} と ${tf.start}〜${tf.end} が重なっています` });
    }
    if (!latest || minutesOf(tf.end) > minutesOf(latest.end)) latest = tf;
  }
}, whenFieldsValid);

const reason = z.string({ error: "理由を入力してください" }).trim().min(1, { error: "理由を入力してください" });

const servicePeriodSchema = z
  .object({ from: calendarDate("設置期間の開始日"), to: calendarDate("設置期間の終了日") })
  .refine((p) => p.from <= p.to, { error: "設置期間の開始日は終了日以前にしてください", path: ["to"], ...whenFieldsValid });

/** A dated closure (inclusive), e.g. 年末年始: no staffed hours on these days. */
export const closureSchema = z
  .object({ from: calendarDate("休止期間の開始日"), to: calendarDate("休止期間の終了日"), reason })
  .refine((c) => c.from <= c.to, { error: "休止期間の開始日は終了日以前にしてください", path: ["to"], ...whenFieldsValid });
export type Closure = z.infer<typeof closureSchema>;

/** A dated opening agreed with the city: on that date these timeframes replace the usual ones. */
export const openingSchema = z.object({
  date: calendarDate("臨時開設日"),
  timeframes: timeframeListSchema.min(1, { error: "臨時開設の時間帯を1つ以上指定してください" }),
  reason,
});
export type Opening = z.infer<typeof openingSchema>;

const day = timeframeListSchema; // keeps the seven-weekday tuple below on one line
const anyCalendarDate = z.iso.date();
const isDate = (value: string) => anyCalendarDate.safeParse(value).success;

export const scheduleSchema = z
  .object({
    timezone: z.literal("Asia/Tokyo", { error: "タイムゾーンは Asia/Tokyo のみ対応しています" }),
    servicePeriod: servicePeriodSchema,
    /** Index 0 = Sunday … 6 = Saturday, as Date#getDay counts. */
    weekly: z.tuple([day, day, day, day, day, day, day], { error: "曜日ごとの時間帯は日曜日から土曜日までの7つを指定してください" }),
    /**
     * Applied on national holidays (振替休日 and 国民の休日 included) instead of the weekday's
     * timeframes, whatever weekday the holiday falls on. When disabled, a holiday is an ordinary
     * day of its weekday; to close on holidays, enable it with no timeframes.
     */
    holidays: z.object({ enabled: z.boolean({ error: "祝日の設定を選んでください" }), timeframes: timeframeListSchema }),
    closures: z.array(closureSchema),
    openings: z.array(openingSchema),
  })
  // Runs even when other fields failed, so the form shows every problem at once; a date that
  // failed its own format check has its message already and is skipped here.
  .superRefine((schedule, ctx) => {
    const { from, to } = schedule.servicePeriod;
    if (!isDate(from) || !isDate(to)) return;
    const inPeriod = (date: string) => !isDate(date) || (from <= date && date <= to);
    const outside = (what: string) => `${what}は設置期間（${from}〜${to}）内の日付にしてください`;

    schedule.closures.forEach((closure, i) => {
      if (!inPeriod(closure.from)) ctx.addIssue({ code: "custom", path: ["closures", i, "from"], message: outside("休止期間の開始日") });
      if (!inPeriod(closure.to)) ctx.addIssue({ code: "custom", path: ["closures", i, "to"], message: outside("休止期間の終了日") });
    });
    const seen = new Set<string>();
    schedule.openings.forEach((opening, i) => {
      if (!inPeriod(opening.date)) ctx.addIssue({ code: "custom", path: ["openings", i, "date"], message: outside("臨時開設日") });
      if (seen.has(opening.date)) {
        ctx.addIssue({ code: "custom", path: ["openings", i, "date"], message: `${opening.date} の臨時開設が重複しています。1日にまとめてください` });
      }
      seen.add(opening.date);
    });
  });
export type Schedule = z.infer<typeof scheduleSchema>;
