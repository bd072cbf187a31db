import { auditCheckpointFile, recordAuditCheckpoint } from "@/lib/audit";
import { now } from "@/lib/clock";
import { getKeyring } from "@/lib/crypto";
import { openCliDatabase } from "./cli-database";

// The app writes one every hour and after each export; this is for an operator who wants one now
// (before a backup, a handover or a key rotation). The checkpoint is printed as its file line.
const { database, env } = await openCliDatabase("npm run audit:checkpoint", { requireSecrets: true });
const file = auditCheckpointFile(env.DATA_DIR);
const checkpoint = await recordAuditCheckpoint(database.db, { keyring: getKeyring(), file, at: now() });
await database.close();
console.log(`Checkpoint written to ${file}: row ${checkpoint.seq}, hash ${checkpoint.hash}.`);
