import { z } from "zod";

/** The one NOTIFY channel the console listens on. */
export const CONSOLE_CHANNEL = "soudan_console";

/**
 * What changed, never what was said: NOTIFY payloads can surface in PostgreSQL logs and travel to
 * every signed-in browser, so they carry ids and a kind only. Clients refetch through guarded routes.
 */
export const consoleEventSchema = z.object({
  kind: z.enum(["queue", "message", "assignment", "closed", "note", "risk", "released", "delivery", "alert", "emergency"]),
  consultationId: z.string().uuid().optional(),
  /** The counselor concerned (assignment, released), so a console knows a tab was taken from it. */
  staffId: z.string().uuid().optional(),
});
export type ConsoleEvent = z.infer<typeof consoleEventSchema>;
