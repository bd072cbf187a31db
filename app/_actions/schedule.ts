"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import type { Db } from "@/db";
import { getDb } from "@/app/_server/database";
import { autoReplyKindSchema, saveAutoReplyTemplate, saveWaitingSettings, templateBodySchema, waitingSettingsSchema } from "@/lib/autoreply";
import type { Actor } from "@/lib/auth";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { closureSchema, openingSchema } from "@/lib/schedule";
import {
  addScheduleClosure,
  addScheduleOpening,
  removeScheduleException,
  saveScheduleRules,
  scheduleExceptionSchema,
  ScheduleChangeError,
  ScheduleValidationError,
} from "@/lib/schedule/store";

/** `fieldErrors` is keyed by the dot-joined field path the form uses ("to", "weekly.6.1.end"). */
export type ScheduleActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

const t = ja.scheduleAdmin;

function refused(issues: { path: string; message: string }[]): ScheduleActionState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.path] ??= issue.message;
  return { ok: false, message: ja.fieldErrorSummary, fieldErrors };
}

/** zod with Japanese fallbacks, so even a malformed request is answered in Japanese. */
function parse<T>(schema: z.ZodType<T>, values: unknown): { data: T } | { refusal: ScheduleActionState } {
  const result = schema.safeParse(values, { error: z.locales.ja().localeError });
  if (result.success) return { data: result.data };
  return { refusal: refused(result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }))) };
}

async function signedInActor(): Promise<Actor> {
  const { staff } = await requireStaff("schedule.manage");
  return { id: staff.id, loginId: staff.loginId };
}

async function run(work: (db: Db) => Promise<unknown>, done: string): Promise<ScheduleActionState> {
  try {
    await work(await getDb());
  } catch (error) {
    if (error instanceof ScheduleValidationError) return refused(error.issues);
    if (error instanceof ScheduleChangeError) return { ok: false, message: t.errors[error.code] };
    throw error;
  }
  revalidatePath("/admin/schedule");
  return { ok: true, message: done };
}

export async function addClosureAction(values: unknown): Promise<ScheduleActionState> {
  const actor = await signedInActor();
  const parsed = parse(closureSchema, values);
  if ("refusal" in parsed) return parsed.refusal;
  return run((db) => addScheduleClosure(db, parsed.data, actor, now()), t.exceptions.added);
}

export async function addOpeningAction(values: unknown): Promise<ScheduleActionState> {
  const actor = await signedInActor();
  const parsed = parse(openingSchema, values);
  if ("refusal" in parsed) return parsed.refusal;
  return run((db) => addScheduleOpening(db, parsed.data, actor, now()), t.exceptions.added);
}

export async function removeExceptionAction(values: unknown): Promise<ScheduleActionState> {
  const actor = await signedInActor();
  const parsed = parse(scheduleExceptionSchema, values);
  if ("refusal" in parsed) return parsed.refusal;
  return run((db) => removeScheduleException(db, parsed.data, actor, now()), t.exceptions.removed);
}

// The rules themselves are validated with the whole schedule in saveScheduleRules, whose messages
// name each field; here only the envelope is checked.
const rulesRequestSchema = z.object({
  basedOnVersion: z.number().int().positive().nullable(),
  rules: z.object({ servicePeriod: z.unknown(), weekly: z.unknown(), holidays: z.unknown() }),
});

export async function saveRulesAction(values: unknown): Promise<ScheduleActionState> {
  const actor = await signedInActor();
  const parsed = parse(rulesRequestSchema, values);
  if ("refusal" in parsed) return parsed.refusal;
  const { rules, basedOnVersion } = parsed.data;
  return run((db) => saveScheduleRules(db, { servicePeriod: rules.servicePeriod, weekly: rules.weekly, holidays: rules.holidays }, actor, basedOnVersion, now()), t.rules.saved);
}

const templateRequestSchema = z.object({ kind: autoReplyKindSchema, body: templateBodySchema });

export async function saveTemplateAction(values: unknown): Promise<ScheduleActionState> {
  const actor = await signedInActor();
  const parsed = parse(templateRequestSchema, values);
  if ("refusal" in parsed) return parsed.refusal;
  return run((db) => saveAutoReplyTemplate(db, { kind: parsed.data.kind, body: parsed.data.body, at: now() }, actor), t.templates.saved);
}

export async function restoreTemplateAction(values: unknown): Promise<ScheduleActionState> {
  const actor = await signedInActor();
  const parsed = parse(z.object({ kind: autoReplyKindSchema }), values);
  if ("refusal" in parsed) return parsed.refusal;
  return run((db) => saveAutoReplyTemplate(db, { kind: parsed.data.kind, body: null, at: now() }, actor), t.templates.restored);
}

export async function saveWaitingSettingsAction(values: unknown): Promise<ScheduleActionState> {
  const actor = await signedInActor();
  const parsed = parse(waitingSettingsSchema, values);
  if ("refusal" in parsed) return parsed.refusal;
  return run((db) => saveWaitingSettings(db, { settings: parsed.data, at: now() }, actor), t.waitingSettings.saved);
}
