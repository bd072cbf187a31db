export { incidentInputSchema, incidentKinds, toIncidentDateTimeInput, type IncidentInput, type IncidentKind } from "./incident-input";
export { saveIncident } from "./save-incident";
export { listIncidents, viewIncident, type IncidentView } from "./list-incidents";
export { exportIncidentReport } from "./export-incident-report";
export { IncidentNotFoundError } from "./errors";
