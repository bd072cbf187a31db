import { Decrypter, Encrypter } from "age-encryption";

/**
 * age (age-encryption.org/v1) to an X25519 recipient, so a bundle travels on removable media readable
 * only by the next operator; the `age` command line decrypts it as well as `npm run handover -- decrypt`.
 */
export class HandoverKeyError extends Error {}

/** An age recipients file: `age1…` lines; comments (#) and blank lines are skipped, so `age-keygen`'s output works too via its public key line. */
export function parseRecipients(text: string): string[] {
  const recipients = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .flatMap((line) => (line.startsWith("age1") ? [line] : (/^# public key: (age1\S+)$/.exec(line)?.slice(1) ?? [])));
  if (recipients.length === 0) throw new HandoverKeyError("The recipient key file holds no age public key (a line starting with age1).");
  return [...new Set(recipients)];
}

export function parseIdentities(text: string): string[] {
  const identities = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith("AGE-SECRET-KEY-"));
  if (identities.length === 0) throw new HandoverKeyError("The identity file holds no age secret key (a line starting with AGE-SECRET-KEY-).");
  return identities;
}

export async function encryptTo(recipients: string[], content: Uint8Array): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  try {
    for (const recipient of recipients) encrypter.addRecipient(recipient);
  } catch (error) {
    throw new HandoverKeyError(`Not an age public key: ${error instanceof Error ? error.message : String(error)}`);
  }
  return encrypter.encrypt(content);
}

export async function decryptWith(identities: string[], content: Uint8Array): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(content);
  } catch (error) {
    throw new HandoverKeyError(`The file could not be decrypted with this key: ${error instanceof Error ? error.message : String(error)}`);
  }
}
