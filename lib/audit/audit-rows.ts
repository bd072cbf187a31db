import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, consultations, staff, youths } from "@/db/schema";
import { ja } from "@/lib/i18n/ja";
import { auditActions } from "./actions";
import type { AuditFilter } from "./audit-filter";
import { describeAuditActor, describeAuditDetails, describeAuditTarget, labelAuditAction, type AuditDetailLine, type AuditNames } from "./describe-audit-entry";

/** One entry as people read it: no action code, no id, no JSON. */
export interface AuditEntryView {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  target: string;
  details: AuditDetailLine[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of a calendar day in Japan (no daylight saving, so +09:00 always holds). */
const startOfJapanDay = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+09:00`) + plusDays * 86_400_000);

export function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.personId) conditions.push(or(eq(auditLog.actorId, filter.personId), eq(auditLog.target, `staff:${filter.personId}`)));
  if (filter.from) conditions.push(gte(auditLog.at, startOfJapanDay(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.at, startOfJapanDay(filter.to, 1)));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const named = auditActions.filter((a) => labelAuditAction(a).includes(filter.q!));
    // Details store codes (wrong_password); the words the screen shows for them (パスワードの誤り) find them too.
    const codes = Object.entries(ja.audit.detailValues).flatMap(([code, words]) => (words.includes(filter.q!) ? [`%"${code}"%`] : []));
    conditions.push(
      or(
        ilike(auditLog.actorLogin, pattern),
        sql`${auditLog.details}::text ilike ${pattern}`,
        named.length > 0 ? inArray(auditLog.action, named) : undefined,
        ...codes.map((code) => sql`${auditLog.details}::text like ${code}`),
        sql`${auditLog.actorId} in (select ${staff.id} from ${staff} where ${staff.displayName} ilike ${pattern})`,
        sql`${auditLog.target} in (select 'staff:' || ${staff.id}::text from ${staff} where ${staff.displayName} ilike ${pattern} or ${staff.loginId} ilike ${pattern})`,
        sql`${auditLog.target} in (select 'consultation:' || ${consultations.id}::text from ${consultations} join ${youths} on ${youths.id} = ${consultations.youthId} where ${youths.pseudonym} ilike ${pattern})`,
      ),
    );
  }
  return and(...conditions);
}

/** Staff names and pseudonyms for every id the rows mention, in two queries. */
async function namesFor(db: Db, rows: (typeof auditLog.$inferSelect)[]): Promise<AuditNames> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.actorId) ids.add(row.actorId);
    const id = row.target?.split(":")[1];
    if (id && UUID.test(id)) ids.add(id);
    for (const value of Object.values(row.details)) if (typeof value === "string" && UUID.test(value)) ids.add(value);
  }
  const list = [...ids];
  if (list.length === 0) return { staff: new Map(), consultations: new Map() };
  const [people, pseudonyms] = await Promise.all([
    db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, list)),
    db.select({ id: consultations.id, pseudonym: youths.pseudonym }).from(consultations).innerJoin(youths, eq(youths.id, consultations.youthId)).where(inArray(consultations.id, list)),
  ]);
  return { staff: new Map(people.map((p) => [p.id, p.name])), consultations: new Map(pseudonyms.map((c) => [c.id, c.pseudonym])) };
}

export async function describeAuditRows(db: Db, rows: (typeof auditLog.$inferSelect)[]): Promise<AuditEntryView[]> {
  const names = await namesFor(db, rows);
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: describeAuditActor(row, names),
    action: labelAuditAction(row.action),
    target: describeAuditTarget(row.target, names),
    details: describeAuditDetails(row.details, names),
  }));
}

export async function selectAuditRows(db: Db, filter: AuditFilter, page?: { limit: number; offset: number }) {
  const query = db.select().from(auditLog).where(whereOf(filter)).orderBy(desc(auditLog.seq)).$dynamic();
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

