import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { reportRemarkVersions } from "@/db/schema";

export interface ReportRemarks {
  body: string;
  version: number;
  savedAt: Date;
}

/** The newest 所見・特記事項 of a report period ("2024-08" or "2024"), or null before any was written. */
export async function loadReportRemarks(db: DbOrTx, period: string): Promise<ReportRemarks | null> {
  const [row] = await db.select().from(reportRemarkVersions).where(eq(reportRemarkVersions.period, period)).orderBy(desc(reportRemarkVersions.version)).limit(1);
  return row ? { body: row.body, version: row.version, savedAt: row.savedAt } : null;
}
