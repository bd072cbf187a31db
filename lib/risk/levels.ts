import { z } from "zod";

/** How worried Soudan is by what a youth wrote. `concern`: violence, abuse; `high`: danger to life (R10). */
export const riskLevels = ["none", "concern", "high"] as const;
export const riskLevelSchema = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** A consultation's stored priority is the level's rank: the queue orders by it and never lowers it by itself. */
export function priorityOf(level: RiskLevel): number {
  return riskLevels.indexOf(level);
}
