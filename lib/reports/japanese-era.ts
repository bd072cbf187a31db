import { instantAt, type CalendarDate } from "@/lib/calendar";

// Municipal documents date by the era (令和6年8月分). The era comes from ICU's Japanese calendar,
// not a table of our own, so the next era is right the day ICU knows it.
const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", timeZone: "Asia/Tokyo", ...options });
const yearMonth = format({ year: "numeric", month: "long" });
const yearMonthDay = format({ year: "numeric", month: "long", day: "numeric" });
const yearOnly = format({ year: "numeric" });

/** "2024-08" → 「令和6年8月」 */
export const eraMonth = (month: string) => yearMonth.format(instantAt(`${month}-01`, 12 * 60));

/** "2024-09-05" → 「令和6年9月5日」 */
export const eraDate = (date: CalendarDate) => yearMonthDay.format(instantAt(date, 12 * 60));

/** 2024 → 「令和6年」: the era year a fiscal year starts in (its 年度 is named by it). */
export const eraFiscalYear = (fiscalYear: number) => yearOnly.format(instantAt(`${fiscalYear}-04-01`, 12 * 60));
