import { prepareEveryTestDatabase } from "@/db/testing";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";

// Every test file's databases start as the app's do: migrated, with the first version of each form,
// the risk lexicon and the safety contacts.
prepareEveryTestDatabase(ensureFormVersions);
prepareEveryTestDatabase(ensureRiskLexicon);
prepareEveryTestDatabase(ensureSafetyContacts);
