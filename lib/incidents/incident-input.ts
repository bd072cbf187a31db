import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import { ja } from "@/lib/i18n/ja";
import { incidentKinds } from "./incident-kinds";

const e = ja.incidents.fieldErrors;

const inTokyo = tz("Asia/Tokyo");

/** "2024-08-03T20:15" (an <input type="datetime-local">, read as Japan's time) → the instant; null when malformed. */
function parseJst(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = new Date(`${value}:00+09:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}

const jstDateTime = (message: string, optional: boolean) =>
  z.string().transform((value, ctx): Date | null => {
    if (optional && value.trim() === "") return null;
    const at = parseJst(value.trim());
    if (!at) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return at;
  });

/** The instant as an <input type="datetime-local"> value in Japan's time. */
export function toIncidentDateTimeInput(at: Date): string {
  return format(at, "yyyy-MM-dd'T'HH:mm", { in: inTokyo });
}

/** An incident as the form submits it; each message is shown beside its field. */
export const incidentInputSchema = z
  .object({
    kind: z.enum(incidentKinds, e.kind),
    discoveredAt: jstDateTime(e.discoveredAt, false).pipe(z.date()),
    scope: z.string().trim().min(1, e.scopeRequired).max(4000, e.scopeTooLong),
    actions: z.string().trim().min(1, e.actionsRequired).max(4000, e.actionsTooLong),
    cityNotifiedAt: jstDateTime(e.cityNotifiedAt, true),
  })
  .superRefine((input, ctx) => {
    if (input.cityNotifiedAt && input.cityNotifiedAt < input.discoveredAt) {
      ctx.addIssue({ code: "custom", path: ["cityNotifiedAt"], message: e.notifiedBeforeDiscovery });
    }
  });

export type IncidentInput = z.input<typeof incidentInputSchema>;
export type IncidentFields = z.output<typeof incidentInputSchema>;

/**
 * Which incident a save changes and the last-update time the form loaded it with; a new incident has neither.
 * A save whose time is no longer the stored one is refused (IncidentChangedError), so two people editing
 * one incident never silently overwrite each other.
 */
export const incidentVersionSchema = z.union([
  z.object({ id: z.uuid(), updatedAt: z.iso.datetime().transform((at) => new Date(at)) }),
  z.object({ id: z.undefined().optional(), updatedAt: z.undefined().optional() }),
]);

export type IncidentVersion = z.output<typeof incidentVersionSchema>;
