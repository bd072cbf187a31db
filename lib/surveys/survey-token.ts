import { createHmac } from "node:crypto";
import { deriveSubkey, type Keyring } from "@/lib/crypto";

/**
 * The survey answer's key: a keyed one-way hash of the consultation id, so one consultation answers
 * once (a unique index) while nobody, staff included, can tell from the answers whose they are:
 * the consultation ids are not enumerable from the table, and the key never leaves the server.
 */
export function surveyToken(keyring: Keyring, consultationId: string): string {
  return createHmac("sha256", deriveSubkey(keyring.current, "survey")).update(consultationId, "utf8").digest("base64url");
}
