export class IncidentNotFoundError extends Error {
  constructor() {
    super("incident not found");
    this.name = "IncidentNotFoundError";
  }
}

/** Someone else saved the incident after this form loaded it; the save is refused so their change stays. */
export class IncidentChangedError extends Error {
  constructor() {
    super("incident changed since it was loaded");
    this.name = "IncidentChangedError";
  }
}
