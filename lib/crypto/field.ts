import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring";

const VERSION = "v1";

/** AES-256-GCM; the stored form is `v1.<keyId>.<iv>.<tag>.<ciphertext>` so each value names its key. */
export function encryptField(keyring: Keyring, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.material, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyring.current.id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export class DecryptionError extends Error {}

export function decryptField(keyring: Keyring, stored: string): string {
  const [version, keyId, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !keyId || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new DecryptionError("Not an encrypted field value");
  }
  const key = keyring.byId.get(keyId);
  if (!key) throw new DecryptionError(`No key with id ${keyId} is configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.material, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("An encrypted value failed its integrity check");
  }
}

export function keyIdOf(stored: string): string | undefined {
  return stored.split(".")[1];
}
