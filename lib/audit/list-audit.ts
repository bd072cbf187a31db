import { desc } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog } from "@/db/schema";

/** The newest entries first, for the admin's audit screen. */
export async function listAudit(db: Db, limit = 200) {
  return db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(limit);
}
