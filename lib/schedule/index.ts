// Pure and database-free, safe for client components; the database use cases are in ./store.
export { scheduleSchema, timeframeSchema, closureSchema, openingSchema } from "./schema";
export type { Schedule, Timeframe, Closure, Opening } from "./schema";
export { parseSchedule } from "./parse-schedule";
export type { ParseScheduleResult, ScheduleIssue } from "./parse-schedule";
export type { Session } from "./sessions";
export { resolveDay } from "./resolve-day";
export type { DayPlan } from "./resolve-day";
export { isStaffedAt } from "./is-staffed-at";
export { findCurrentSession } from "./find-current-session";
export { findNextOpening } from "./find-next-opening";
export type { FindNextOpeningOptions } from "./find-next-opening";
export { listOpenings } from "./list-openings";
export { listOpeningsBetweenDates } from "./list-openings-between-dates";
export { formatSessionJa, formatNextOpeningJa } from "./describe-opening";
export { formatOpeningLine } from "./format-opening-line";
export { takeo2024Preset } from "./presets/takeo-2024";
export { buildFiscalYearPreset } from "./presets/fiscal-year";
