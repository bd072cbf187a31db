export { eraseUnsentMessage } from "./erase-unsent-message";
export { listRetentionRuns, type RetentionRun } from "./list-retention-runs";
export { purgeExpiredData, purgeKinds, type PurgeCounts, type PurgeKind, type PurgeResult } from "./purge-expired-data";
export { retentionCutoffs, retentionSettingsOf, type RetentionCutoffs, type RetentionSettings } from "./settings";
export { startRetentionJob } from "./start-retention-job";
