"use server";

import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { ConsoleError, type ConsoleActor } from "@/lib/consultations";
import { getKeyring } from "@/lib/crypto";
import { addEmergencyContact, EmergencyError, endEmergency, joinEmergency, recordCityNotification, saveEmergencyChecklist, startEmergency } from "@/lib/emergencies";
import { ja } from "@/lib/i18n/ja";

export type EmergencyActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

const id = z.uuid();

/** Permission first, then one lib call; refusals become Japanese messages, field errors stay by field. */
async function run(work: (actor: ConsoleActor) => Promise<{ ok: boolean; fieldErrors?: Record<string, string> } | unknown>, done: string | null): Promise<EmergencyActionState> {
  const { staff } = await requireStaff("console.use");
  try {
    const result = await work({ id: staff.id, loginId: staff.loginId, role: staff.role });
    if (result && typeof result === "object" && "ok" in result && result.ok === false) return { ok: false, message: ja.fieldErrorSummary, fieldErrors: (result as { fieldErrors?: Record<string, string> }).fieldErrors };
  } catch (error) {
    if (error instanceof ConsoleError) return { ok: false, message: ja.console.errors[error.code] };
    if (error instanceof EmergencyError) return { ok: false, message: ja.emergency.errors[error.code] };
    if (error instanceof z.ZodError) return { ok: false, message: ja.fieldErrorSummary };
    throw error;
  }
  return { ok: true, message: done };
}

export async function startEmergencyAction(consultationId: string): Promise<EmergencyActionState> {
  return run(async (actor) => startEmergency(await getDb(), { consultationId: id.parse(consultationId), at: now() }, actor), null);
}

export async function joinEmergencyAction(emergencyId: string): Promise<EmergencyActionState> {
  return run(async (actor) => joinEmergency(await getDb(), { emergencyId: id.parse(emergencyId), at: now() }, actor), ja.emergency.joined);
}

export async function saveChecklistAction(emergencyId: string, checklist: unknown): Promise<EmergencyActionState> {
  return run(async (actor) => saveEmergencyChecklist(await getDb(), { emergencyId: id.parse(emergencyId), checklist, at: now() }, actor, getKeyring()), ja.emergency.checklistSaved);
}

export async function addContactAction(emergencyId: string, contact: unknown): Promise<EmergencyActionState> {
  return run(async (actor) => addEmergencyContact(await getDb(), { emergencyId: id.parse(emergencyId), contact, at: now() }, actor, getKeyring()), null);
}

export async function recordCityNotificationAction(contactId: string, cityNotifiedAt: string): Promise<EmergencyActionState> {
  return run(async (actor) => recordCityNotification(await getDb(), { contactId: id.parse(contactId), cityNotifiedAt, at: now() }, actor), ja.emergency.cityNotifiedSaved);
}

export async function endEmergencyAction(emergencyId: string, summary: string): Promise<EmergencyActionState> {
  return run(async (actor) => endEmergency(await getDb(), { emergencyId: id.parse(emergencyId), summary, at: now() }, actor, getKeyring()), null);
}
