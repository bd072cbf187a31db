"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { incidentInputSchema, IncidentNotFoundError, saveIncident } from "@/lib/incidents";

export type IncidentActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

/** 事故の記録: record a new incident (no id) or save a change to one. */
export async function saveIncidentAction(values: unknown): Promise<IncidentActionState> {
  const { staff } = await requireStaff("incidents.manage");
  const id = z.object({ id: z.uuid().optional() }).safeParse(values);
  const parsed = incidentInputSchema.safeParse(values);
  if (!parsed.success || !id.success) {
    const fieldErrors = Object.fromEntries((parsed.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    return { ok: false, message: ja.fieldErrorSummary, fieldErrors };
  }
  try {
    await saveIncident(await getDb(), { ...(values as z.input<typeof incidentInputSchema>), id: id.data.id }, { id: staff.id, loginId: staff.loginId }, { keyring: getKeyring(), at: now() });
  } catch (error) {
    if (error instanceof IncidentNotFoundError) return { ok: false, message: ja.notFound.title };
    throw error;
  }
  revalidatePath("/admin/incidents");
  return { ok: true, message: id.data.id ? ja.incidents.saved : ja.incidents.recorded };
}
