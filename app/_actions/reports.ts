"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { saveReportCover, saveReportRemarks, type RemarkWarning } from "@/lib/reports";

export type CoverActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

/** An admin saves the cover block printed on every report file. */
export async function saveReportCoverAction(input: Record<string, string>): Promise<CoverActionState> {
  const { staff } = await requireStaff("reports.configure");
  const result = await saveReportCover(await getDb(), input, { id: staff.id, loginId: staff.loginId }, now());
  if (!result.ok) return { ok: false, message: null, fieldErrors: result.fieldErrors };
  revalidatePath("/reports");
  return { ok: true, message: ja.reports.cover.saved(result.version) };
}

export type RemarksActionState = { ok: boolean; message: string | null; version?: number; warnings?: RemarkWarning[] };

/** A supervisor saves the month's 所見・特記事項; contact details are warned about before saving. */
export async function saveReportRemarksAction(input: { period: string; body: string; confirmed: boolean; baseVersion: number | null }): Promise<RemarksActionState> {
  const { staff } = await requireStaff("reports.write_remarks");
  const result = await saveReportRemarks(await getDb(), input, { id: staff.id, loginId: staff.loginId }, now());
  if ("warnings" in result) return { ok: false, message: null, warnings: result.warnings };
  if (!result.ok) return { ok: false, message: result.error };
  revalidatePath("/reports/monthly");
  return { ok: true, message: ja.reports.remarks.saved(result.version), version: result.version };
}
