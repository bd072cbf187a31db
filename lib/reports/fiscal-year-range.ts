import type { DbOrTx } from "@/db";
import { findScheduleCovering } from "@/lib/schedule/store";
import { dateRange, fiscalYearDates, type DateRange } from "@/lib/calendar";
import { fiscalYearSchema } from "./period";

/**
 * An annual report covers the fiscal year (April–March) cut to the service period (R3) of the
 * schedule that governed it: 2024 → 2024-07-22〜2025-03-31 for the 2024 contract. Without a schedule,
 * or when the service period lies outside the year, the whole fiscal year.
 */
export async function fiscalYearRange(db: DbOrTx, fiscalYear: number): Promise<DateRange> {
  const year = fiscalYearDates(fiscalYearSchema.parse(fiscalYear));
  const stored = await findScheduleCovering(db, year);
  const period = stored?.schedule.servicePeriod;
  const from = period && period.from > year.from ? period.from : year.from;
  const to = period && period.to < year.to ? period.to : year.to;
  return from <= to ? dateRange(from, to) : dateRange(year.from, year.to);
}
