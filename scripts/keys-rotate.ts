import { appendAudit } from "@/lib/audit";
import { createKeyring, rotateKeys } from "@/lib/crypto";
import { openCliDatabase } from "./cli-database";

const { database, env } = await openCliDatabase("npm run keys:rotate", { requireSecrets: true });
const keyring = createKeyring(env.SOUDAN_ENCRYPTION_KEY!, env.SOUDAN_ENCRYPTION_KEYS_OLD);
const { reencrypted } = await rotateKeys(database.db, keyring);
await appendAudit(database.db, { action: "keys.rotated", actorLabel: "command line", details: { keyId: keyring.current.id, reencrypted } });
await database.close();
console.log(`Re-encrypted ${reencrypted} values under key ${keyring.current.id}. Old keys may now be removed from SOUDAN_ENCRYPTION_KEYS_OLD.`);
