/** Minutes since midnight of a validated "HH:MM" ("24:00" gives 1440). */
export function minutesOf(time: string): number {
  const [hours = "", minutes = ""] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}
