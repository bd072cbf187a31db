/**
 * The one source of "now". SOUDAN_TIME_ORIGIN starts the clock at a given instant (demos, tests)
 * and lets it run forward in real time from there.
 */
const startedAt = Date.now();
let offsetMs = 0;
let announced = false;

function applyOrigin(origin: string | undefined): void {
  if (!origin) return;
  const at = Date.parse(origin);
  if (Number.isNaN(at)) throw new Error(`SOUDAN_TIME_ORIGIN is not an ISO 8601 instant: ${origin}`);
  offsetMs = at - startedAt;
  if (!announced) {
    announced = true;
    console.warn(`[soudan] SOUDAN_TIME_ORIGIN=${origin}: the clock is shifted; never use this in production`);
  }
}

applyOrigin(process.env.SOUDAN_TIME_ORIGIN);

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Moves a real timestamp (e.g. LINE's event time) onto this clock, so a shifted demo clock stays consistent. */
export function fromRealTime(ms: number): Date {
  return new Date(ms + offsetMs);
}

export function setClockForTests(at: Date | null): void {
  offsetMs = at ? at.getTime() - Date.now() : 0;
}
