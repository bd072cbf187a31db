export { eraseUnsentMessage } from "./erase-unsent-message";
export { listRetentionRuns } from "./list-retention-runs";
export { purgeExpiredData, purgeKinds, type PurgeCounts } from "./purge-expired-data";
export { retentionSettingsOf, type RetentionSettings } from "./settings";
export { startRetentionJob } from "./start-retention-job";
