import holidayJp from "@holiday-jp/holiday_jp";
import type { CalendarDate } from "@/lib/calendar";

// holiday_jp.isHoliday(date) formats a Date in the process's local zone, so on a UTC server it
// reads 2024-08-12 00:30 JST as 08-11. Its table is keyed by Japanese calendar date, so we look
// the JST date up in the table directly. The table covers 1970–2050.
const NATIONAL_HOLIDAYS = new Map(Object.entries(holidayJp.holidays).map(([date, holiday]) => [date, holiday.name]));

/** The holiday's name (振替休日 and 国民の休日 included), or null on an ordinary day. */
export function findNationalHoliday(date: CalendarDate): string | null {
  return NATIONAL_HOLIDAYS.get(date) ?? null;
}
