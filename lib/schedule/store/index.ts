// Server-only: these use the database. The pure schedule functions live in ../index.ts so that
// client components can import the schema and formatters without pulling in a database driver.
export { saveSchedule } from "./save-schedule";
export { loadCurrentSchedule, type StoredSchedule } from "./load-current-schedule";
export { seedDemoSchedule } from "./seed-demo-schedule";
export { ScheduleValidationError } from "./errors";
export type { ScheduleSection } from "./changed-sections";
