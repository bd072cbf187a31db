import type { supportAgencies } from "@/db/schema";
import { ja } from "@/lib/i18n/ja";

/** The text inserted into a reply: what a youth needs to reach the agency, one item per line. */
export function formatAgency(agency: Pick<typeof supportAgencies.$inferSelect, "name" | "phone" | "hours" | "url">): string {
  return [agency.name, agency.phone && ja.referenceAdmin.agencyText.phone(agency.phone), agency.hours && ja.referenceAdmin.agencyText.hours(agency.hours), agency.url].filter(Boolean).join("\n");
}
