import { createHmac } from "node:crypto";
import { deriveSubkey, type Key, type Keyring } from "@/lib/crypto";

function tokenWith(key: Key, consultationId: string): string {
  return `${key.id}.${createHmac("sha256", deriveSubkey(key, "survey")).update(consultationId, "utf8").digest("base64url")}`;
}

/**
 * The survey answer's key: a keyed one-way hash of the consultation id, so one consultation answers
 * once (a unique index) while nobody, staff included, can tell from the answers whose they are:
 * the consultation ids are not enumerable from the table, and the key never leaves the server.
 * Like the youths' lookup hashes it names its key, so after a key rotation the answer stored under
 * the older key is still found (see surveyTokensBefore) and keeps being the first answer.
 */
export function surveyToken(keyring: Keyring, consultationId: string): string {
  return tokenWith(keyring.current, consultationId);
}

/** The tokens the consultation's answer may be stored under from before a key rotation (older keys still in the keyring). */
export function surveyTokensBefore(keyring: Keyring, consultationId: string): string[] {
  return [...keyring.byId.values()].filter((key) => key.id !== keyring.current.id).map((key) => tokenWith(key, consultationId));
}
