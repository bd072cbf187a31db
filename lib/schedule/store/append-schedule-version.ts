import { desc, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { scheduleVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { parseSchedule } from "../parse-schedule";
import { changedSections } from "./changed-sections";
import { ScheduleValidationError } from "./errors";

/** An arbitrary constant: savers take this lock so two admins saving at once get versions n and n+1, not a unique-key error. */
const SCHEDULE_LOCK_KEY = 0x5c_4e_d0;

export interface AppendOptions {
  actor: Actor | null;
  /** When the version is saved: its createdAt. */
  at: Date;
  /** Who acted when no staff member did, for the audit log; "command line" unless said. */
  actorLabel?: string;
  /** Save only when no version exists yet, decided under the lock so concurrent seeders save once. */
  onlyIfNone?: boolean;
}

/** The version in force when a writer holds the lock; `definition` is as stored, not yet validated. */
export type PreviousVersion = { version: number; definition: unknown } | null;

/** What to store, and the note saying why (a removal's note names what it found under the lock). */
export type NextVersion = { input: unknown; note: string | null };

/**
 * Stores what `build(previous)` returns as the next version with its audit entry, all or nothing.
 * `build` runs under the lock, so a change made from the version in force (add one closure) never
 * loses a change another admin saved a moment before. Every writer comes through here and the
 * result is validated here, so no unvalidated schedule reaches the table; a throw rolls back.
 */
export async function appendScheduleVersion(db: Db, build: (previous: PreviousVersion) => NextVersion, options: AppendOptions): Promise<{ version: number } | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SCHEDULE_LOCK_KEY})`);
    const [previous] = await tx
      .select({ version: scheduleVersions.version, definition: scheduleVersions.definition })
      .from(scheduleVersions)
      .orderBy(desc(scheduleVersions.version))
      .limit(1);
    if (previous && options.onlyIfNone) return null;

    const { input, note } = build(previous ?? null);
    const parsed = parseSchedule(input);
    if (!parsed.success) throw new ScheduleValidationError(parsed.issues);
    const schedule = parsed.schedule;
    const version = (previous?.version ?? 0) + 1;
    await tx.insert(scheduleVersions).values({ version, definition: schedule, createdAt: options.at, createdBy: options.actor?.id ?? null, note });
    // A stored version that no longer parses (rules tightened since) counts as entirely replaced.
    const before = previous ? parseSchedule(previous.definition) : null;
    await appendAudit(tx, {
      action: "schedule.changed",
      actor: options.actor,
      actorLabel: options.actor ? undefined : (options.actorLabel ?? "command line"),
      target: `schedule:${version}`,
      details: {
        version,
        note,
        changed: changedSections(before?.success ? before.schedule : null, schedule),
        servicePeriod: schedule.servicePeriod,
      },
    });
    return { version };
  });
}
