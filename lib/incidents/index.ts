export { incidentInputSchema, incidentVersionSchema, toIncidentDateTimeInput, type IncidentInput } from "./incident-input";
export { incidentKinds, type IncidentKind } from "./incident-kinds";
export { saveIncident } from "./save-incident";
export { listIncidents, type IncidentView } from "./list-incidents";
export { exportIncidentReport } from "./export-incident-report";
export { IncidentChangedError, IncidentNotFoundError } from "./errors";
