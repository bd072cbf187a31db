import { prepareEveryTestDatabase } from "@/db/testing";
import { ensureEmergencyContactKinds } from "@/lib/emergencies";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";

// Every test file's databases start as the app's do: migrated, with the first version of each form,
// the risk lexicon, the safety contacts and the emergency contact kinds.
prepareEveryTestDatabase(ensureFormVersions);
prepareEveryTestDatabase(ensureRiskLexicon);
prepareEveryTestDatabase(ensureSafetyContacts);
prepareEveryTestDatabase(ensureEmergencyContactKinds);
