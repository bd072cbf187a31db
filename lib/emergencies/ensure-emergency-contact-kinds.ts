import type { DbOrTx } from "@/db";
import { emergencyContactKinds } from "@/db/schema";
import { defaultContactKinds } from "./default-contact-kinds";

/** Seeds the default contact kinds once (app start, CLIs, test databases); an admin's edits are left alone. */
export async function ensureEmergencyContactKinds(db: DbOrTx): Promise<void> {
  await db.insert(emergencyContactKinds).values(defaultContactKinds).onConflictDoNothing({ target: emergencyContactKinds.seedKey });
}
