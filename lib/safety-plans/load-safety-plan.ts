import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { safetyPlanVersions } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";
import { listSafetyContacts } from "@/lib/safety";
import { safetyPlanSchema, type SafetyPlan } from "./plan-input";

export interface SafetyPlanState {
  /** The latest version, or a blank plan whose numbers are the deployment's safety contacts. */
  plan: SafetyPlan;
  versions: { version: number; savedAt: Date; sentAt: Date | null }[];
}

/** The consultation's plan for the console panel. The caller has checked the reader may see the consultation. */
export async function loadSafetyPlan(db: DbOrTx, consultationId: string, keyring: Keyring): Promise<SafetyPlanState> {
  const rows = await db.select().from(safetyPlanVersions).where(eq(safetyPlanVersions.consultationId, consultationId)).orderBy(desc(safetyPlanVersions.version));
  const versions = rows.map((r) => ({ version: r.version, savedAt: r.savedAt, sentAt: r.sentAt }));
  // A purged plan (lib/retention) belongs to a closed consultation: its panel shows a blank plan.
  if (rows[0]?.planEnc) return { plan: safetyPlanSchema.parse(JSON.parse(decryptField(keyring, rows[0].planEnc))), versions };
  const contacts = await listSafetyContacts(db);
  return { plan: { warningSigns: [], whatHelps: [], people: [], places: [], numbers: contacts.map((c) => `${c.label} ${c.number}`) }, versions };
}
