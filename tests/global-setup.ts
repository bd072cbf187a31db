import type { TestProject } from "vitest/node";
import { createTestDatabaseTemplate } from "@/db/testing";
import { ensureEmergencyContactKinds } from "@/lib/emergencies";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";

// Once per run, from scratch (so a broken migration or seed fails the run): the database every test
// file's database is a copy of. It starts as the app's does: migrated, with the first version of each
// form, the risk lexicon, the safety contacts and the emergency contact kinds.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { template, remove } = await createTestDatabaseTemplate([ensureFormVersions, ensureRiskLexicon, ensureSafetyContacts, ensureEmergencyContactKinds]);
  project.provide("testDatabaseTemplate", template);
  return remove;
}
