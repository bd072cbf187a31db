import type { Db } from "@/db";
import { waitingSettings } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { waitingSettingsSchema } from "./waiting-settings";

/** Saves the busy notice's threshold and the self-help switch (validated), audited. */
export async function saveWaitingSettings(db: Db, input: { settings: unknown; at: Date }, actor: Actor): Promise<void> {
  const settings = waitingSettingsSchema.parse(input.settings);
  await db.transaction(async (tx) => {
    await tx
      .insert(waitingSettings)
      .values({ id: 1, ...settings, updatedAt: input.at, updatedBy: actor.id })
      .onConflictDoUpdate({ target: waitingSettings.id, set: { ...settings, updatedAt: input.at, updatedBy: actor.id } });
    await appendAudit(tx, { action: "autoreply.waiting_settings_changed", actor, target: "autoreply:waiting", details: settings });
  });
}
