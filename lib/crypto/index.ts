import { getConfig } from "@/lib/config";
import { createKeyring, deriveSubkey, type Keyring } from "./keyring";

export { createKeyring, deriveSubkey, type Key, type Keyring } from "./keyring";
export { decryptField, encryptField } from "./field";
export { lookupHash, lookupHashes } from "./lookup";
export { rotateKeys } from "./rotate-keys";

let cached: Keyring | undefined;

/** The keyring of this process, from SOUDAN_ENCRYPTION_KEY and SOUDAN_ENCRYPTION_KEYS_OLD. */
export function getKeyring(): Keyring {
  if (!cached) {
    const config = getConfig();
    if (!config.SOUDAN_ENCRYPTION_KEY) throw new Error("Configuration error: SOUDAN_ENCRYPTION_KEY is required");
    cached = createKeyring(config.SOUDAN_ENCRYPTION_KEY, config.SOUDAN_ENCRYPTION_KEYS_OLD);
  }
  return cached;
}

/** The signing secret for staff session cookies, derived so operators manage one key only. */
export function getSessionSecret(): string {
  return deriveSubkey(getKeyring().current, "staff-session").toString("base64url");
}
