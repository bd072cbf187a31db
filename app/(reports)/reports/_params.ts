import { notFound } from "next/navigation";
import { z } from "zod";
import { now } from "@/lib/clock";
import { fiscalYearOf, shiftMonth } from "@/lib/calendar";
import { defaultMonth, fiscalYearSchema, reportMonthSchema } from "@/lib/reports";
import type { ReportNavigation } from "@/components/reports/ReportView";

const yearSchema = z.string().regex(/^\d{4}$/).transform(Number).pipe(fiscalYearSchema);

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** ?month=YYYY-MM, by default the month just ended; a malformed one is a 404. */
export async function monthFrom(searchParams: SearchParams): Promise<ReportNavigation> {
  const raw = (await searchParams).month;
  const parsed = reportMonthSchema.safeParse(raw ?? defaultMonth(now()));
  if (!parsed.success) notFound();
  return { period: parsed.data, previous: shiftMonth(parsed.data, -1), next: shiftMonth(parsed.data, 1) };
}

/** ?year=YYYY (the fiscal year starting that April), by default the one the month just ended belongs to. */
export async function fiscalYearFrom(searchParams: SearchParams): Promise<ReportNavigation & { fiscalYear: number }> {
  const raw = (await searchParams).year;
  const parsed = yearSchema.safeParse(raw ?? String(fiscalYearOf(`${defaultMonth(now())}-01`)));
  if (!parsed.success) notFound();
  const year = parsed.data;
  return { fiscalYear: year, period: String(year), previous: String(year - 1), next: String(year + 1) };
}
