"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { IncidentChangedError, incidentInputSchema, IncidentNotFoundError, incidentVersionSchema, saveIncident, type IncidentInput } from "@/lib/incidents";

/** `updatedAt` is the saved incident's new version, for the form's next save. */
export type IncidentActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string>; updatedAt?: string };

/** 事故の記録: record a new incident (no id) or save a change to one (with the updatedAt the form loaded). */
export async function saveIncidentAction(values: unknown): Promise<IncidentActionState> {
  const { staff } = await requireStaff("incidents.manage");
  const version = incidentVersionSchema.safeParse(values);
  const parsed = incidentInputSchema.safeParse(values);
  if (!parsed.success || !version.success) {
    const fieldErrors = Object.fromEntries((parsed.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    return { ok: false, message: ja.fieldErrorSummary, fieldErrors };
  }
  let saved: { updatedAt: Date };
  try {
    saved = await saveIncident(await getDb(), { ...(values as IncidentInput), ...version.data }, { id: staff.id, loginId: staff.loginId }, { keyring: getKeyring(), at: now() });
  } catch (error) {
    if (error instanceof IncidentNotFoundError) return { ok: false, message: ja.notFound.title };
    if (error instanceof IncidentChangedError) return { ok: false, message: ja.incidents.changedMeanwhile };
    throw error;
  }
  revalidatePath("/admin/incidents");
  return { ok: true, message: version.data.id ? ja.incidents.saved : ja.incidents.recorded, updatedAt: saved.updatedAt.toISOString() };
}
