import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

const t = ja.scheduleAdmin.waitingSettings;

/** What admins set for youth who wait; checked the same in the form and on the server. */
export const waitingSettingsSchema = z.object({
  busyThresholdMinutes: z.number({ error: t.errors.threshold }).int(t.errors.threshold).min(5, t.errors.threshold).max(600, t.errors.threshold).nullable(),
  selfHelpEnabled: z.boolean(),
});
export type WaitingSettings = z.infer<typeof waitingSettingsSchema>;

/** Before an admin sets anything: a busy notice from an hour's wait, no self-help text. */
export const DEFAULT_WAITING_SETTINGS: WaitingSettings = { busyThresholdMinutes: 60, selfHelpEnabled: false };
