import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff, staffRecoveryCodes, staffSessions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { decryptField, type Keyring } from "@/lib/crypto";
import { AuthError } from "./errors";
import { createRecoveryCodes, hashRecoveryCode, verifyTotp } from "./totp";

/** Returns the recovery codes, shown once; only their digests are kept. */
export async function confirmSecondFactorEnrolment(
  db: Db,
  input: { staffId: string; sessionId: string; code: string },
  keyring: Keyring,
): Promise<string[]> {
  const [row] = await db.select().from(staff).where(eq(staff.id, input.staffId));
  if (!row?.totpPendingSecret) throw new AuthError("not_found");
  const step = verifyTotp(decryptField(keyring, row.totpPendingSecret), input.code.trim(), now(), null);
  if (step === null) throw new AuthError("code_invalid");
  const codes = createRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpLastStep: step, updatedAt: now() })
      .where(eq(staff.id, row.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, row.id));
    await tx.insert(staffRecoveryCodes).values(codes.map((code) => ({ staffId: row.id, codeHash: hashRecoveryCode(code) })));
    await tx.update(staffSessions).set({ secondFactorDone: true }).where(eq(staffSessions.id, input.sessionId));
    await appendAudit(tx, { action: "auth.second_factor_enrolled", actor: { id: row.id, loginId: row.loginId }, target: `staff:${row.id}` });
  });
  return codes;
}
