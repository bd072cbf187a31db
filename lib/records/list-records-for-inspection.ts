import type { Db } from "@/db";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { inspectionFilterSchema, PAGE_SIZE, type InspectionFilter } from "./inspection-filter";
import { countInspectionRows, selectInspectionRows, type InspectionRow } from "./inspection-rows";


/**
 * R20: one page of a month's closed consultations with their records, for a person granted
 * inspection. The list holds no free text (that is one record at a time, or an export); the listing
 * itself is audited with its filter, like every inspection view.
 */
export async function listRecordsForInspection(
  db: Db,
  input: InspectionFilter & { page: number },
  actor: Actor,
): Promise<{ rows: InspectionRow[]; total: number; page: number; pageCount: number }> {
  const filter = inspectionFilterSchema.parse(input);
  const total = await countInspectionRows(db, filter);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.trunc(input.page)), pageCount - 1);
  const rows = await selectInspectionRows(db, filter, { offset: page * PAGE_SIZE, limit: PAGE_SIZE });
  await appendAudit(db, { action: "records.listed", actor, details: { month: filter.month, outcome: filter.outcome ?? null, page: page + 1, shown: rows.length, total } });
  return { rows: rows.map((r) => r.row), total, page, pageCount };
}
