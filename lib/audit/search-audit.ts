import { count } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog } from "@/db/schema";
import { auditFilterSchema, type AuditFilter } from "./audit-filter";
import { describeAuditRows, selectAuditRows, whereOf, type AuditEntryView } from "./audit-rows";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
  page: number;
  pages: number;
}

/** The audit screen: newest first, filtered by kind of action, person, days in Japan and words, a page at a time. */
export async function searchAudit(db: Db, input: Partial<AuditFilter>): Promise<AuditPage> {
  const filter = auditFilterSchema.parse(input);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(whereOf(filter));
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const rows = await selectAuditRows(db, filter, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  return { entries: await describeAuditRows(db, rows), total, page, pages };
}
