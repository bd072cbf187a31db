import type { DbOrTx } from "@/db";
import { findOpenConsultation } from "@/lib/consultations";
import { loadCurrentForm, type FormVersion } from "@/lib/forms";

/**
 * What the secure chat needs before showing the chat: whether the youth's open consultation has its
 * intake answered, and if not, the intake version in force to show them.
 */
export async function loadIntakeForYouth(tx: DbOrTx, youthId: string): Promise<{ answered: true } | { answered: false; form: FormVersion<"intake"> }> {
  const open = await findOpenConsultation(tx, youthId);
  if (open?.intakeAnsweredAt) return { answered: true };
  return { answered: false, form: await loadCurrentForm(tx, "intake") };
}
