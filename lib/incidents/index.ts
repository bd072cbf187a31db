export { incidentInputSchema, toIncidentDateTimeInput, type IncidentInput } from "./incident-input";
export { incidentKinds, type IncidentKind } from "./incident-kinds";
export { saveIncident } from "./save-incident";
export { listIncidents, viewIncident, type IncidentView } from "./list-incidents";
export { exportIncidentReport } from "./export-incident-report";
export { IncidentNotFoundError } from "./errors";
