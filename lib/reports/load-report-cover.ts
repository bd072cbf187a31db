import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { reportCoverVersions } from "@/db/schema";
import { ja } from "@/lib/i18n/ja";
import type { ReportCover } from "./cover-schema";

/**
 * The cover block in force: the newest saved version, or, before an admin saved one, the
 * municipality's head as addressee (SOUDAN_MUNICIPALITY_NAME) and blanks the page asks to fill.
 */
export async function loadReportCover(db: DbOrTx, defaults: { municipality: string | null }): Promise<ReportCover & { version: number | null }> {
  const [row] = await db.select().from(reportCoverVersions).orderBy(desc(reportCoverVersions.version)).limit(1);
  if (row) return { addressee: row.addressee, businessName: row.businessName, contractor: row.contractor, manager: row.manager, version: row.version };
  return { addressee: defaults.municipality ? ja.reports.cover.defaultAddressee(defaults.municipality) : "", businessName: "", contractor: "", manager: "", version: null };
}
