import { createHmac } from "node:crypto";
import { deriveSubkey, type Key, type Keyring } from "./keyring";

function hashWith(key: Key, value: string): string {
  return `${key.id}.${createHmac("sha256", deriveSubkey(key, "lookup")).update(value, "utf8").digest("base64url")}`;
}

/** A keyed hash to find an encrypted identifier (e.g. a LINE user id) without decrypting every row. */
export function lookupHash(keyring: Keyring, value: string): string {
  return hashWith(keyring.current, value);
}

/** Every hash the value may be stored under while keys rotate: query with `IN (...)`. */
export function lookupHashes(keyring: Keyring, value: string): string[] {
  return [...keyring.byId.values()].map((key) => hashWith(key, value));
}
