import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { reportRemarkVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import { findRemarkWarnings, type RemarkWarning } from "./find-remark-warnings";

export const REMARKS_MAX = 2000;

const inputSchema = z.object({
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: ja.reports.errors.month }),
  body: z.string().max(REMARKS_MAX, { error: ja.reports.remarks.tooLong(REMARKS_MAX) }),
  /** The writer saw the phone/e-mail warning and saves anyway. */
  confirmed: z.boolean(),
  /** The version the writer started from: a save over someone else's newer one is refused. */
  baseVersion: z.number().int().nonnegative().nullable(),
});

export type SaveRemarksResult = { ok: true; version: number } | { ok: false; error: string } | { ok: false; warnings: RemarkWarning[] };

/**
 * The supervisor's 所見・特記事項 for a period, saved as a new version and audited (period, version
 * and length; never the text). Contact details are warned about first; an unchanged text is not saved again.
 */
export async function saveReportRemarks(db: Db, input: z.input<typeof inputSchema>, actor: Actor, at: Date): Promise<SaveRemarksResult> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const { period, confirmed, baseVersion } = parsed.data;
  const body = parsed.data.body.trim();
  const warnings = findRemarkWarnings(body);
  if (warnings.length > 0 && !confirmed) return { ok: false, warnings };
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select()
      .from(reportRemarkVersions)
      .where(eq(reportRemarkVersions.period, period))
      .orderBy(desc(reportRemarkVersions.version))
      .limit(1);
    if ((last?.version ?? 0) !== (baseVersion ?? 0)) return { ok: false, error: ja.reports.remarks.stale };
    if (last && last.body === body) return { ok: true, version: last.version };
    const version = (last?.version ?? 0) + 1;
    await tx.insert(reportRemarkVersions).values({ period, version, body, savedAt: at, savedBy: actor.id });
    await appendAudit(tx, { action: "report.remarks_saved", actor, target: `report_remarks:${period}`, details: { period, version, length: body.length, warned: warnings } });
    return { ok: true, version };
  });
}
