// Pure calendar arithmetic on "YYYY-MM-DD": done in UTC so the server's TZ never shifts a day.
const toUtc = (date: string) => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => fromUtc(new Date(toUtc(date).getTime() + days * 86_400_000));
export const earlier = (a: string, b: string) => (a <= b ? a : b);
export const later = (a: string, b: string) => (a >= b ? a : b);

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return fromUtc(new Date(Date.UTC(y, m, 0)));
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The Japanese fiscal year (April to March) a day belongs to, by the year it starts. */
export function fiscalYearOf(date: string): number {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
