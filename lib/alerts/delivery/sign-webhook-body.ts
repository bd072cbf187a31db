import { createHmac } from "node:crypto";
import { deriveSubkey, type Keyring } from "@/lib/crypto";

export const SIGNATURE_HEADER = "x-soudan-signature";

/**
 * Hex HMAC-SHA256 of the exact body with a sub-key of the current encryption key, so a receiver can
 * tell our POSTs from anyone's. Operators give the receiver that sub-key (docs/OPERATIONS.md).
 */
export function signAlertWebhookBody(keyring: Keyring, body: string): string {
  return createHmac("sha256", deriveSubkey(keyring.current, "alert-webhook")).update(body, "utf8").digest("hex");
}
