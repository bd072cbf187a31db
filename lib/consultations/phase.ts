import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { consultations } from "@/db/schema";

/**
 * `status` stays open|closed (the LINE handlers and automatic replies depend on it); who holds an
 * open consultation is `assigned_to`. Waiting = open and unassigned, active = open and assigned.
 */
export type ConsultationPhase = "waiting" | "active" | "closed";

export function phaseOf(row: { status: "open" | "closed"; assignedTo: string | null }): ConsultationPhase {
  if (row.status === "closed") return "closed";
  return row.assignedTo ? "active" : "waiting";
}

export const isWaiting = () => and(eq(consultations.status, "open"), isNull(consultations.assignedTo));
export const isActive = () => and(eq(consultations.status, "open"), isNotNull(consultations.assignedTo));
