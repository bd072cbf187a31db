import { desc, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db";
import { riskLexiconVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import { lexiconEntriesSchema } from "./lexicon";

/** Savers serialise on this lock, so two admins saving at once get versions n and n+1 (or a stale refusal). */
const LEXICON_LOCK_KEY = 0x5c_f0_12;

export type LexiconFieldErrors = Record<string, string>;
export type SaveRiskLexiconResult = { ok: true; version: number } | { ok: false; fieldErrors: LexiconFieldErrors };

function fieldErrorsOf(error: z.ZodError): LexiconFieldErrors {
  const errors: LexiconFieldErrors = {};
  for (const issue of error.issues) errors[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  return errors;
}

/**
 * Saves the edited words as the next version (never rewriting one), audited with counts only: the
 * words are reviewable in the versions themselves, and the audit log holds nothing a youth wrote.
 */
export async function saveRiskLexicon(db: Db, input: { entries: unknown; basedOnVersion: number; note?: string | null }, actor: Actor, at: Date): Promise<SaveRiskLexiconResult> {
  const parsed = lexiconEntriesSchema.safeParse(input.entries);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LEXICON_LOCK_KEY})`);
    const [current] = await tx.select({ version: riskLexiconVersions.version }).from(riskLexiconVersions).orderBy(desc(riskLexiconVersions.version)).limit(1);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.basedOnVersion) return { ok: false as const, fieldErrors: { _form: ja.riskAdmin.errors.stale } };
    const version = currentVersion + 1;
    const note = input.note?.trim() || null;
    await tx.insert(riskLexiconVersions).values({ version, entries: parsed.data, createdAt: at, createdBy: actor.id, note });
    const count = (level: string) => parsed.data.filter((e) => e.level === level).length;
    await appendAudit(tx, { action: "risk_lexicon.changed", actor, target: `risk_lexicon:${version}`, details: { version, note, high: count("high"), concern: count("concern") } });
    return { ok: true as const, version };
  });
}
