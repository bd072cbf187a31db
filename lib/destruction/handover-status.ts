import { count, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, consultationMessages, consultations } from "@/db/schema";

export interface HandoverStatus {
  /** When the latest handover bundle was exported, and its manifest's SHA-256 as its audit row recorded it. */
  exportedAt: Date;
  manifestSha256: string | null;
  /** Consultations opened and messages written after that export: not in the bundle. */
  consultationsAfter: number;
  messagesAfter: number;
}

/**
 * The latest `handover.exported` audit row and what was written since: the app may keep running on
 * PostgreSQL during an export, and what came after it would be destroyed without being handed over.
 */
export async function readHandoverStatus(db: Db): Promise<HandoverStatus | null> {
  const [exported] = await db.select({ at: auditLog.at, details: auditLog.details }).from(auditLog).where(eq(auditLog.action, "handover.exported")).orderBy(desc(auditLog.seq)).limit(1);
  if (!exported) return null;
  const sha = (exported.details as { manifestSha256?: unknown } | null)?.manifestSha256;
  const [opened] = await db.select({ n: count() }).from(consultations).where(gt(consultations.openedAt, exported.at));
  const [written] = await db.select({ n: count() }).from(consultationMessages).where(gt(consultationMessages.createdAt, exported.at));
  return { exportedAt: new Date(exported.at), manifestSha256: typeof sha === "string" ? sha : null, consultationsAfter: opened?.n ?? 0, messagesAfter: written?.n ?? 0 };
}
