// R20: inspection of individual consultation records by a person granted `records.inspect`; every view is audited.
export { exportFormatSchema, exportRecordsForInspection, type ExportFormat, type RecordsExport } from "./export-records-for-inspection";
export { inspectionFilterSchema, monthSchema, outcomeFilterSchema, type InspectionFilter, type OutcomeFilter } from "./inspection-filter";
export type { InspectionRow } from "./inspection-rows";
export { listRecordsForInspection } from "./list-records-for-inspection";
export { readRecordForInspection, type InspectedRecord } from "./read-record-for-inspection";
export { describeConsent, describeSharingException, formatJst } from "./record-columns";
