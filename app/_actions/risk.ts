"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { assessRisk, saveRiskLexicon, type RiskAssessment } from "@/lib/risk";
import { safetyContactInputSchema, safetyTemplateBodySchema, safetyTemplateKindSchema, saveSafetyContact, saveSafetyTemplate } from "@/lib/safety";

export type RiskActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string>; version?: number };

const actorOf = (staff: { id: string; loginId: string }) => ({ id: staff.id, loginId: staff.loginId });

const lexiconInput = z.object({ basedOnVersion: z.number().int().min(0), entries: z.unknown(), note: z.string().max(500).nullish() });

/** Saves the edited risk words as the next version; lib/risk validates them (empty, duplicate terms). */
export async function saveLexiconAction(values: unknown): Promise<RiskActionState> {
  const { staff } = await requireStaff("risk.manage");
  const parsed = lexiconInput.safeParse(values);
  if (!parsed.success) return { ok: false, message: ja.fieldErrorSummary };
  const result = await saveRiskLexicon(await getDb(), parsed.data, actorOf(staff), now());
  if (!result.ok) return { ok: false, message: result.fieldErrors._form ?? ja.fieldErrorSummary, fieldErrors: result.fieldErrors };
  revalidatePath("/admin/risk");
  return { ok: true, message: ja.riskAdmin.saved(result.version), version: result.version };
}

/** Tries a phrase against the words in force. Nothing is stored or audited: it is the admin's own text. */
export async function tryPhraseAction(values: unknown): Promise<RiskAssessment | null> {
  await requireStaff("risk.manage");
  const parsed = z.object({ text: z.string().trim().min(1).max(1000) }).safeParse(values);
  return parsed.success ? assessRisk(await getDb(), parsed.data.text) : null;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
}

/** A number: create (no id) or update, including retiring it (active false). */
export async function saveContactAction(values: unknown): Promise<RiskActionState> {
  const { staff } = await requireStaff("risk.manage");
  const parsed = safetyContactInputSchema.extend({ id: z.uuid().optional() }).safeParse(values);
  if (!parsed.success) return { ok: false, message: ja.fieldErrorSummary, fieldErrors: fieldErrors(parsed.error) };
  await saveSafetyContact(await getDb(), parsed.data, actorOf(staff), now());
  revalidatePath("/admin/risk");
  return { ok: true, message: ja.riskAdmin.contactSaved };
}

/** One part of the safety reply's wording, or (body null) back to the default. */
export async function saveSafetyTemplateAction(values: unknown): Promise<RiskActionState> {
  const { staff } = await requireStaff("risk.manage");
  const parsed = z.object({ kind: safetyTemplateKindSchema, body: safetyTemplateBodySchema.nullable() }).safeParse(values);
  if (!parsed.success) return { ok: false, message: ja.fieldErrorSummary, fieldErrors: { body: parsed.error.issues[0]?.message ?? ja.fieldErrorSummary } };
  await saveSafetyTemplate(await getDb(), parsed.data, actorOf(staff), now());
  revalidatePath("/admin/risk");
  return { ok: true, message: parsed.data.body === null ? ja.riskAdmin.templateRestored : ja.riskAdmin.templateSaved };
}
