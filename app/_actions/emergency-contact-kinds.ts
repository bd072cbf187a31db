"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { saveEmergencyContactKind } from "@/lib/emergencies";
import { ja } from "@/lib/i18n/ja";

export type ContactKindActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

/** A contact kind: added (no id), renamed, reordered, retired or reinstated; lib/emergencies checks the name. */
export async function saveContactKindAction(values: { id?: string; label: unknown; sortOrder: unknown; active: unknown }): Promise<ContactKindActionState> {
  const { staff } = await requireStaff("emergency_contact_kinds.manage");
  const id = z.uuid().optional().safeParse(values.id);
  if (!id.success) return { ok: false, message: ja.emergency.kindsAdmin.errors.notFound };
  const result = await saveEmergencyContactKind(
    await getDb(),
    { id: id.data, kind: { label: values.label, sortOrder: values.sortOrder, active: values.active }, at: now() },
    { id: staff.id, loginId: staff.loginId },
  );
  if (!result.ok) return { ok: false, message: result.fieldErrors._form ?? ja.fieldErrorSummary, fieldErrors: result.fieldErrors };
  revalidatePath("/admin/emergency-contacts");
  return { ok: true, message: ja.emergency.kindsAdmin.saved };
}
