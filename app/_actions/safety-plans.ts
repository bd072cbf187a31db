"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { ConsoleError } from "@/lib/consultations";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { describeLiffApp } from "@/lib/liff";
import { wakeLineWorkers } from "@/lib/line";
import { saveSafetyPlan, sendSafetyPlan } from "@/lib/safety-plans";

export type SafetyPlanActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

const id = z.uuid();

async function actor() {
  const { staff } = await requireStaff("console.use");
  if (getConfig().SOUDAN_SAFETY_PLAN === "off") return null;
  return { id: staff.id, loginId: staff.loginId, role: staff.role };
}

export async function saveSafetyPlanAction(consultationId: string, plan: unknown): Promise<SafetyPlanActionState> {
  const who = await actor();
  const cid = id.safeParse(consultationId);
  if (!who || !cid.success) return { ok: false, message: ja.console.errors.not_found };
  try {
    const result = await saveSafetyPlan(await getDb(), { consultationId: cid.data, plan, at: now() }, who, getKeyring());
    if (!result.ok) return { ok: false, message: ja.console.fieldErrors, fieldErrors: result.fieldErrors };
    revalidatePath(`/console/c/${cid.data}`);
    return { ok: true, message: ja.safetyPlan.saved(result.version) };
  } catch (error) {
    if (error instanceof ConsoleError) return { ok: false, message: ja.console.errors[error.code] };
    throw error;
  }
}

export async function sendSafetyPlanAction(consultationId: string): Promise<SafetyPlanActionState> {
  const who = await actor();
  const cid = id.safeParse(consultationId);
  if (!who || !cid.success) return { ok: false, message: ja.console.errors.not_found };
  try {
    const config = getConfig();
    const result = await sendSafetyPlan(await getDb(), { consultationId: cid.data, at: now(), mode: config.CHAT_MODE, liffUrl: describeLiffApp(config).url }, who, getKeyring());
    if (!result.ok) return { ok: false, message: ja.safetyPlan.errors.nothingToSend };
    wakeLineWorkers();
    revalidatePath(`/console/c/${cid.data}`);
    return { ok: true, message: ja.safetyPlan.sent };
  } catch (error) {
    if (error instanceof ConsoleError) return { ok: false, message: ja.console.errors[error.code] };
    throw error;
  }
}
