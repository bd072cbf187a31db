import { prepareEveryTestDatabase } from "@/db/testing";
import { ensureFormVersions } from "@/lib/forms";

// Every test file's databases start as the app's do: migrated, with version 1 of each form.
prepareEveryTestDatabase(ensureFormVersions);
