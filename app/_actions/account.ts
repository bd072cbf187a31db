"use server";

import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { AuthError, confirmSecondFactorEnrolment } from "@/lib/auth";
import { getKeyring } from "@/lib/crypto";
import { errorMessage } from "@/lib/i18n/ja";

const codeSchema = z.string().trim().regex(/^\d{6}$/);

export async function confirmEnrolmentAction(code: string): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; message: string }> {
  const session = await requireStaff("account.manage_own");
  const parsed = codeSchema.safeParse(code);
  if (!parsed.success) return { ok: false, message: errorMessage("code_invalid") };
  try {
    const recoveryCodes = await confirmSecondFactorEnrolment(
      await getDb(),
      { staffId: session.staff.id, sessionId: session.sessionId, code: parsed.data },
      getKeyring(),
    );
    return { ok: true, recoveryCodes };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: errorMessage(error.code) };
    throw error;
  }
}
