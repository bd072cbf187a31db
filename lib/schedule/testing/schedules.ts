import type { Schedule } from "../schema";

/** A bare August 2024 schedule for tests to fill in: no staffed hours, no holidays, no agreements. */
export function august2024(overrides: Partial<Schedule> = {}): Schedule {
  return {
    timezone: "Asia/Tokyo",
    servicePeriod: { from: "2024-08-01", to: "2024-08-31" },
    weekly: [[], [], [], [], [], [], []],
    holidays: { enabled: false, timeframes: [] },
    closures: [],
    openings: [],
    ...overrides,
  };
}

export const jst = (local: string) => new Date(`${local}+09:00`);
