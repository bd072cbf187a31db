"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { formKinds, saveFormVersion, type FormFieldErrors } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

export type FormActionState = { ok: boolean; message: string | null; fieldErrors?: FormFieldErrors; version?: number };

const inputSchema = z.object({
  kind: z.enum(formKinds),
  basedOnVersion: z.number().int().min(0),
  definition: z.unknown(),
  note: z.string().max(500).nullish(),
});

/** Saves an edited intake or record form as its next version; the definition is validated in lib/forms. */
export async function saveFormAction(values: unknown): Promise<FormActionState> {
  const { staff } = await requireStaff("forms.manage");
  const parsed = inputSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: ja.fieldErrorSummary };
  const result = await saveFormVersion(await getDb(), parsed.data, { id: staff.id, loginId: staff.loginId }, now());
  if (!result.ok) return { ok: false, message: result.fieldErrors._form ?? ja.fieldErrorSummary, fieldErrors: result.fieldErrors };
  revalidatePath("/admin/forms");
  return { ok: true, message: ja.formsAdmin.saved(result.version), version: result.version };
}
