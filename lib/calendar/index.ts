// Days, months and fiscal years in Asia/Tokyo, whatever the process's TZ. Pure and database-free,
// so client components may import it.
export { calendarDateOf, clockOf, inTokyo, instantAt, isEndOfDay, weekdayOf, type CalendarDate } from "./tokyo";
export { addCalendarDays, datesBetween, daysBetween } from "./days";
export { calendarMonthSchema, lastDayOfMonth, monthOf, monthsBetween, shiftMonth, type CalendarMonth } from "./months";
export { fiscalYearDates, fiscalYearOf } from "./fiscal-years";
export { dateRange, monthRange, type DateRange } from "./ranges";
