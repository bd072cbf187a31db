import type { supportAgencies } from "@/db/schema";

/** The text inserted into a reply: what a youth needs to reach the agency, one item per line. */
export function formatAgency(agency: Pick<typeof supportAgencies.$inferSelect, "name" | "phone" | "hours" | "url">): string {
  return [agency.name, agency.phone && `電話 ${agency.phone}`, agency.hours && `受付 ${agency.hours}`, agency.url].filter(Boolean).join("\n");
}
