import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationRecords, consultations } from "@/db/schema";
import type { DateRange } from "@/lib/calendar";
import { loadCurrentForm, type ChoiceField } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";
import type { CountRow } from "./schemas";
import { receivedIn, recordJoin } from "./sql";

const UNRECORDED = "unrecorded";

/** Every choice in the form's order (zeros included), then 記録なし, then ids the form no longer lists. */
function rowsOf(choices: readonly { id: string; label: string }[], counts: Map<string, number>, unrecorded: number | null): CountRow[] {
  const known = new Set(choices.map((c) => c.id));
  const rows = choices.map((c) => ({ id: c.id, label: c.label, count: counts.get(c.id) ?? 0 }));
  if (unrecorded !== null) rows.push({ id: UNRECORDED, label: ja.reports.labels.unrecorded, count: unrecorded });
  for (const [id, n] of counts) if (!known.has(id) && id !== UNRECORDED) rows.push({ id, label: id, count: n });
  return rows;
}

const choicesOf = (field: ChoiceField | undefined) => field?.choices ?? [];

/**
 * 相談者の属性, 新規/継続 and 対応の内容 of the consultations received in `range`, from their finalized
 * records (the same consultations every other figure counts). A consultation without a record, or whose
 * record leaves the field empty, is 記録なし; 対応の内容 counts each chosen item once per consultation.
 */
export async function countYouthAttributes(db: DbOrTx, range: DateRange): Promise<{ byRequester: CountRow[]; byVisit: CountRow[]; byAction: CountRow[] }> {
  const { definition } = await loadCurrentForm(db, "record");
  const single = async (column: typeof consultationRecords.requester | typeof consultationRecords.visit) => {
    const rows = await db
      .select({ key: sql<string>`coalesce(${column}, ${UNRECORDED})`, n: sql<number>`count(*)::int` })
      .from(consultations)
      .leftJoin(consultationRecords, recordJoin)
      .where(receivedIn(range))
      .groupBy(sql`1`);
    return new Map(rows.map((r) => [r.key, Number(r.n)]));
  };
  const requesters = await single(consultationRecords.requester);
  const visits = await single(consultationRecords.visit);
  const actionRows = await db
    .select({ key: sql<string>`a.action`, n: sql<number>`count(distinct ${consultations.id})::int` })
    .from(consultations)
    .innerJoin(consultationRecords, recordJoin)
    .innerJoin(sql`unnest(${consultationRecords.actions}) as a(action)`, sql`true`)
    .where(receivedIn(range))
    .groupBy(sql`1`);
  const visitChoices = Object.entries(ja.console.visitKinds).map(([id, label]) => ({ id, label }));
  return {
    byRequester: rowsOf(choicesOf(definition.requester), requesters, requesters.get(UNRECORDED) ?? 0),
    byVisit: rowsOf(visitChoices, visits, visits.get(UNRECORDED) ?? 0),
    byAction: rowsOf(choicesOf(definition.actions), new Map(actionRows.map((r) => [r.key, Number(r.n)])), null),
  };
}
