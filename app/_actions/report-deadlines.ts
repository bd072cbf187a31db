"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { markReportSubmitted, ReportDeadlineError, reportKindSchema } from "@/lib/report-deadlines";

export type MarkSubmittedState = { ok: boolean; message: string | null };

const inputSchema = z.object({ kind: reportKindSchema, period: z.string().regex(/^\d{4}(-\d{2})?$/) });

/** A supervisor records that a report went to the city; the dashboards show who and when. */
export async function markReportSubmittedAction(_: MarkSubmittedState, form: FormData): Promise<MarkSubmittedState> {
  const { staff } = await requireStaff("reports.mark_submitted");
  const parsed = inputSchema.safeParse({ kind: form.get("kind"), period: form.get("period") });
  if (!parsed.success) return { ok: false, message: ja.deadlines.errors.unknown_report };
  try {
    await markReportSubmitted(await getDb(), { ...parsed.data, at: now() }, { id: staff.id, loginId: staff.loginId });
  } catch (error) {
    if (error instanceof ReportDeadlineError) return { ok: false, message: ja.deadlines.errors[error.code] };
    throw error;
  }
  revalidatePath("/reports");
  revalidatePath("/supervisor");
  return { ok: true, message: ja.deadlines.marked };
}
