/** What the browser's incident form needs: the kinds, without the server-side use cases. */
export { incidentKinds, type IncidentKind } from "./incident-kinds";
