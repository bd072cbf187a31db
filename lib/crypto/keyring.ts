import { createHash, hkdfSync } from "node:crypto";

export interface Key {
  id: string;
  material: Buffer;
}

export interface Keyring {
  current: Key;
  byId: Map<string, Key>;
}

function toKey(base64: string): Key {
  const material = Buffer.from(base64, "base64");
  if (material.length !== 32) throw new Error("An encryption key must be 32 bytes in base64");
  // The id names the key without revealing it, so a stored value says which key opens it.
  const id = createHash("sha256").update(material).digest("hex").slice(0, 8);
  return { id, material };
}

/** The current key encrypts; older keys stay readable until `npm run keys:rotate` has re-encrypted everything. */
export function createKeyring(current: string, old: string[] = []): Keyring {
  const currentKey = toKey(current);
  const byId = new Map<string, Key>([[currentKey.id, currentKey]]);
  for (const k of old.map(toKey)) if (!byId.has(k.id)) byId.set(k.id, k);
  return { current: currentKey, byId };
}

const subkeys = new WeakMap<Key, Map<string, Buffer>>();

/**
 * Sub-keys for other purposes (lookup hashes, session signing) so the field key is used for one thing
 * only. Cached per key: the webhook derives the lookup key for every event.
 */
export function deriveSubkey(key: Key, purpose: string): Buffer {
  let byPurpose = subkeys.get(key);
  if (!byPurpose) subkeys.set(key, (byPurpose = new Map()));
  let subkey = byPurpose.get(purpose);
  if (!subkey) byPurpose.set(purpose, (subkey = Buffer.from(hkdfSync("sha256", key.material, Buffer.alloc(0), `soudan:${purpose}`, 32))));
  return subkey;
}
