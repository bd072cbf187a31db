import { desc, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { scheduleVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { now } from "@/lib/clock";
import { parseSchedule } from "../parse-schedule";
import { changedSections } from "./changed-sections";
import { ScheduleValidationError } from "./errors";

/** An arbitrary constant: savers take this lock so two admins saving at once get versions n and n+1, not a unique-key error. */
const SCHEDULE_LOCK_KEY = 0x5c_4e_d0;

export interface AppendOptions {
  actor: Actor | null;
  note: string | null;
  /** Who acted when no staff member did, for the audit log; "command line" unless said. */
  actorLabel?: string;
  /** Save only when no version exists yet, decided under the lock so concurrent seeders save once. */
  onlyIfNone?: boolean;
}

/**
 * Validates `input`, then stores it as the next version with its audit entry, all or nothing.
 * Every writer comes through here, so no unvalidated schedule ever reaches the table.
 */
export async function appendScheduleVersion(db: Db, input: unknown, options: AppendOptions): Promise<{ version: number } | null> {
  const parsed = parseSchedule(input);
  if (!parsed.success) throw new ScheduleValidationError(parsed.issues);
  const schedule = parsed.schedule;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SCHEDULE_LOCK_KEY})`);
    const [previous] = await tx
      .select({ version: scheduleVersions.version, definition: scheduleVersions.definition })
      .from(scheduleVersions)
      .orderBy(desc(scheduleVersions.version))
      .limit(1);
    if (previous && options.onlyIfNone) return null;

    const version = (previous?.version ?? 0) + 1;
    await tx.insert(scheduleVersions).values({ version, definition: schedule, createdAt: now(), createdBy: options.actor?.id ?? null, note: options.note });
    // A stored version that no longer parses (rules tightened since) counts as entirely replaced.
    const before = previous ? parseSchedule(previous.definition) : null;
    await appendAudit(tx, {
      action: "schedule.changed",
      actor: options.actor,
      actorLabel: options.actor ? undefined : (options.actorLabel ?? "command line"),
      target: `schedule:${version}`,
      details: {
        version,
        note: options.note,
        changed: changedSections(before?.success ? before.schedule : null, schedule),
        servicePeriod: schedule.servicePeriod,
      },
    });
    return { version };
  });
}
