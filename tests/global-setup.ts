import type { TestProject } from "vitest/node";
import { createTestDatabaseTemplate, testDatabaseKind, type TestDatabaseTemplates } from "@/db/testing";
import { ensureEmergencyContactKinds } from "@/lib/emergencies";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";

// Once per run, from scratch (so a broken migration or seed fails the run): the databases every test
// file's database is a copy of. They start as the app's does: migrated, with the first version of each
// form, the risk lexicon, the safety contacts and the emergency contact kinds.
const preparations = [ensureFormVersions, ensureRiskLexicon, ensureSafetyContacts, ensureEmergencyContactKinds];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pglite = await createTestDatabaseTemplate("pglite", preparations);
  const removals = [pglite.remove];
  let postgres: TestDatabaseTemplates["postgres"];
  try {
    const made = await createTestDatabaseTemplate("postgres", preparations);
    removals.push(made.remove);
    postgres = made.template as TestDatabaseTemplates["postgres"];
  } catch (error) {
    // A PostgreSQL run cannot go on without it; a PGlite run only loses the few tests that cross to PostgreSQL, which say why.
    if (testDatabaseKind() === "postgres") throw error;
    postgres = { kind: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
  project.provide("testDatabaseTemplates", { pglite: pglite.template as TestDatabaseTemplates["pglite"], postgres });
  return async () => {
    for (const remove of removals) await remove();
  };
}
