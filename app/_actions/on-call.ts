"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { addOnCallEntry, onCallInputSchema, removeOnCallEntry } from "@/lib/alerts";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";

export type OnCallActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

export async function addOnCallAction(values: unknown): Promise<OnCallActionState> {
  const { staff } = await requireStaff("oncall.manage");
  const parsed = onCallInputSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: ja.fieldErrorSummary, fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  await addOnCallEntry(await getDb(), { ...(values as z.input<typeof onCallInputSchema>), at: now() }, { id: staff.id, loginId: staff.loginId });
  revalidatePath("/admin/on-call");
  return { ok: true, message: ja.onCall.added };
}

export async function removeOnCallAction(entryId: string): Promise<OnCallActionState> {
  const { staff } = await requireStaff("oncall.manage");
  await removeOnCallEntry(await getDb(), { entryId: z.uuid().parse(entryId), at: now() }, { id: staff.id, loginId: staff.loginId });
  revalidatePath("/admin/on-call");
  return { ok: true, message: ja.onCall.removed };
}
