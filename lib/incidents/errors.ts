export class IncidentNotFoundError extends Error {
  constructor() {
    super("incident not found");
    this.name = "IncidentNotFoundError";
  }
}
