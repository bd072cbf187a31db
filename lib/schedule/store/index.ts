// Server-only: these use the database. The pure schedule functions live in ../index.ts so that
// client components can import the schema and formatters without pulling in a database driver.
export { saveSchedule } from "./save-schedule";
export { loadCurrentSchedule, type StoredSchedule } from "./load-current-schedule";
export { findScheduleCovering } from "./find-schedule-covering";
export { seedDemoSchedule } from "./seed-demo-schedule";
export { addScheduleClosure } from "./add-schedule-closure";
export { addScheduleOpening } from "./add-schedule-opening";
export { removeScheduleException, scheduleExceptionSchema, type ScheduleException } from "./remove-schedule-exception";
export { saveScheduleRules, type ScheduleRulesInput } from "./save-schedule-rules";
export { ScheduleChangeError, ScheduleValidationError, type ScheduleChangeErrorCode } from "./errors";
export type { ScheduleSection } from "./changed-sections";
