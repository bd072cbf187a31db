"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { cannedInputSchema, saveCannedResponse } from "@/lib/canned";
import { now } from "@/lib/clock";
import { agencyInputSchema, saveAgency } from "@/lib/agencies";
import { ja } from "@/lib/i18n/ja";

export type ReferenceActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

const idField = z.uuid().optional();

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
}

/** 定型文: create (no id) or update, including retiring it (active false). */
export async function saveCannedAction(values: unknown): Promise<ReferenceActionState> {
  const { staff } = await requireStaff("canned.manage");
  const parsed = cannedInputSchema.extend({ id: idField }).safeParse(values);
  if (!parsed.success) return { ok: false, message: ja.fieldErrorSummary, fieldErrors: fieldErrors(parsed.error) };
  await saveCannedResponse(await getDb(), { ...parsed.data, at: now() }, { id: staff.id, loginId: staff.loginId });
  revalidatePath("/admin/canned");
  return { ok: true, message: ja.referenceAdmin.saved };
}

/** 支援機関: create (no id) or update, including retiring it (active false). */
export async function saveAgencyAction(values: unknown): Promise<ReferenceActionState> {
  const { staff } = await requireStaff("agencies.manage");
  const parsed = agencyInputSchema.extend({ id: idField }).safeParse(values);
  if (!parsed.success) return { ok: false, message: ja.fieldErrorSummary, fieldErrors: fieldErrors(parsed.error) };
  await saveAgency(await getDb(), { ...parsed.data, at: now() }, { id: staff.id, loginId: staff.loginId });
  revalidatePath("/admin/agencies");
  return { ok: true, message: ja.referenceAdmin.saved };
}
