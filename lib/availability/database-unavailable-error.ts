/** The database cannot serve this request now: the caller answers 503 and the client retries later. */
export class DatabaseUnavailableError extends Error {
  constructor(public readonly reason: "known_down" | "deadline" | "connection") {
    super(`database unavailable (${reason})`);
    this.name = "DatabaseUnavailableError";
  }
}
