import { isDeepStrictEqual } from "node:util";
import type { Schedule } from "../schema";

const sections = ["timezone", "servicePeriod", "weekly", "holidays", "closures", "openings"] as const satisfies readonly (keyof Schedule)[];
export type ScheduleSection = (typeof sections)[number];

/**
 * Which parts of the schedule a new version changes, for the audit entry: enough for an auditor
 * to see "closures changed" at a glance, while the full before and after stay in schedule_versions.
 * Compared structurally because jsonb does not keep key order.
 */
export function changedSections(previous: Schedule | null, next: Schedule): ScheduleSection[] {
  return sections.filter((key) => !previous || !isDeepStrictEqual(previous[key], next[key]));
}
