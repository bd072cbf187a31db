import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { waitingSettings } from "@/db/schema";
import { DEFAULT_WAITING_SETTINGS, type WaitingSettings } from "./waiting-settings";

export async function loadWaitingSettings(tx: DbOrTx): Promise<WaitingSettings> {
  const [row] = await tx.select().from(waitingSettings).where(eq(waitingSettings.id, 1));
  return row ? { busyThresholdMinutes: row.busyThresholdMinutes, selfHelpEnabled: row.selfHelpEnabled } : DEFAULT_WAITING_SETTINGS;
}
