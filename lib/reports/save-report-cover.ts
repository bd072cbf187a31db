import { desc } from "drizzle-orm";
import type { Db } from "@/db";
import { reportCoverVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { reportCoverSchema } from "./cover-schema";

/** Saves the cover block as a new version (the earlier ones stay), audited with which fields changed. */
export async function saveReportCover(db: Db, input: unknown, actor: Actor, at: Date): Promise<{ ok: true; version: number } | { ok: false; fieldErrors: Record<string, string> }> {
  const parsed = reportCoverSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])) };
  const cover = parsed.data;
  const version = await db.transaction(async (tx) => {
    const [last] = await tx.select().from(reportCoverVersions).orderBy(desc(reportCoverVersions.version)).limit(1);
    const next = (last?.version ?? 0) + 1;
    await tx.insert(reportCoverVersions).values({ ...cover, version: next, savedAt: at, savedBy: actor.id });
    const changed = (Object.keys(cover) as (keyof typeof cover)[]).filter((key) => last?.[key] !== cover[key]);
    await appendAudit(tx, { action: "report.cover_saved", actor, target: `report_cover:${next}`, details: { version: next, changed } });
    return next;
  });
  return { ok: true, version };
}
