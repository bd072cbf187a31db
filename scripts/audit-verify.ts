import { verifyAuditChain } from "@/lib/audit";
import { openCliDatabase } from "./cli-database";

const { database } = await openCliDatabase("npm run audit:verify");
const result = await verifyAuditChain(database.db);
await database.close();
if (result.ok) {
  console.log(`Audit log intact: ${result.rows} rows verified.`);
} else {
  const what = { tampered: "was changed after it was written", missing: "is missing", "broken-link": "does not link to the row before it" }[result.problem];
  console.error(`Audit log damaged: row ${result.seq} ${what} (${result.rows} rows before it are intact).`);
  process.exit(1);
}
