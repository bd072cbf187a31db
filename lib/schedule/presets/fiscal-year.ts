import type { Schedule } from "../schema";

/** 土日祝日の20:00〜24:00 (仕様書 8(1)); a fresh copy each time so no caller shares a mutable preset. */
export function weekendAndHolidayEvenings(): Pick<Schedule, "weekly" | "holidays"> {
  const evening = () => [{ start: "20:00", end: "24:00" }];
  return {
    weekly: [evening(), [], [], [], [], [], evening()],
    holidays: { enabled: true, timeframes: evening() },
  };
}

// holiday_jp's table ends in 2050; a fiscal year beyond it would silently lose its holidays.
const FIRST_FISCAL_YEAR = 1970;
const LAST_FISCAL_YEAR = 2049;

/**
 * The customer's rules over a Japanese fiscal year (April 1 – March 31), closed 12/28–1/5, for
 * demos and as a starting point when a contract is renewed.
 */
export function buildFiscalYearPreset(fiscalYearStart: number): Schedule {
  if (!Number.isInteger(fiscalYearStart) || fiscalYearStart < FIRST_FISCAL_YEAR || fiscalYearStart > LAST_FISCAL_YEAR) {
    throw new RangeError(`fiscal year must be an integer from ${FIRST_FISCAL_YEAR} to ${LAST_FISCAL_YEAR}, got ${fiscalYearStart}`);
  }
  const next = fiscalYearStart + 1;
  return {
    timezone: "Asia/Tokyo",
    servicePeriod: { from: `${fiscalYearStart}-04-01`, to: `${next}-03-31` },
    ...weekendAndHolidayEvenings(),
    closures: [{ from: `${fiscalYearStart}-12-28`, to: `${next}-01-05`, reason: "年末年始" }],
    openings: [],
  };
}
