"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { recordConsent, recordSharingException, withdrawConsent, type SharingWriteResult } from "@/lib/consents";
import { ConsoleError } from "@/lib/consultations";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";

export type SharingActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

const id = z.uuid();

/** Permission first, then one lib call; field errors and refusals come back in Japanese. */
async function run(consultationId: string, work: (actor: { id: string; loginId: string; role: "admin" | "supervisor" | "counselor" | "city" }, consultationId: string) => Promise<SharingWriteResult>, done: string): Promise<SharingActionState> {
  const { staff } = await requireStaff("console.use");
  const parsedId = id.safeParse(consultationId);
  if (!parsedId.success) return { ok: false, message: ja.console.errors.not_found };
  try {
    const result = await work({ id: staff.id, loginId: staff.loginId, role: staff.role }, parsedId.data);
    if (!result.ok) return { ok: false, message: ja.console.fieldErrors, fieldErrors: result.fieldErrors };
  } catch (error) {
    if (error instanceof ConsoleError) return { ok: false, message: ja.console.errors[error.code] };
    throw error;
  }
  revalidatePath(`/console/c/${parsedId.data}`);
  return { ok: true, message: done };
}

export async function recordConsentAction(consultationId: string, consent: unknown): Promise<SharingActionState> {
  return run(consultationId, async (actor, cid) => recordConsent(await getDb(), { consultationId: cid, consent, at: now() }, actor, getKeyring()), ja.consent.recorded);
}

export async function withdrawConsentAction(consultationId: string, withdrawal: unknown): Promise<SharingActionState> {
  return run(consultationId, async (actor, cid) => withdrawConsent(await getDb(), { consultationId: cid, withdrawal, at: now() }, actor, getKeyring()), ja.consent.withdrawnDone);
}

export async function recordSharingExceptionAction(consultationId: string, exception: unknown): Promise<SharingActionState> {
  return run(consultationId, async (actor, cid) => recordSharingException(await getDb(), { consultationId: cid, exception, at: now() }, actor, getKeyring()), ja.consent.exceptionRecorded);
}
