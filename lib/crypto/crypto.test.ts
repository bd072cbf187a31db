import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createKeyring, decryptField, encryptField, lookupHash, lookupHashes } from "./index";
import { DecryptionError, keyIdOf } from "./field";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");

describe("field encryption", () => {
  it("round-trips Japanese text, emoji and surrogate pairs", () => {
    const ring = createKeyring(keyA);
    const text = "死にたい… 𠮷野家 😢 \u0000 end";
    const stored = encryptField(ring, text);
    expect(stored).not.toContain("死にたい");
    expect(decryptField(ring, stored)).toBe(text);
  });

  it("uses a fresh IV so equal plaintexts differ", () => {
    const ring = createKeyring(keyA);
    expect(encryptField(ring, "same")).not.toBe(encryptField(ring, "same"));
  });

  it("stores the key id beside the value and decrypts with an old key after rotation", () => {
    const before = createKeyring(keyA);
    const stored = encryptField(before, "secret");
    const after = createKeyring(keyB, [keyA]);
    expect(keyIdOf(stored)).toBe(before.current.id);
    expect(decryptField(after, stored)).toBe("secret");
    expect(keyIdOf(encryptField(after, "secret"))).toBe(after.current.id);
  });

  it("refuses a value whose key is not configured", () => {
    const stored = encryptField(createKeyring(keyA), "secret");
    expect(() => decryptField(createKeyring(keyB), stored)).toThrow(DecryptionError);
  });

  it("detects tampering with the ciphertext", () => {
    const ring = createKeyring(keyA);
    const parts = encryptField(ring, "secret").split(".");
    const ct = Buffer.from(parts[4]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString("base64url");
    expect(() => decryptField(ring, parts.join("."))).toThrow(DecryptionError);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => createKeyring(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});

describe("lookup hashes", () => {
  it("are stable for a key and differ between keys", () => {
    const ring = createKeyring(keyA);
    expect(lookupHash(ring, "U123")).toBe(lookupHash(ring, "U123"));
    expect(lookupHash(ring, "U123")).not.toBe(lookupHash(ring, "U124"));
    expect(lookupHash(createKeyring(keyB), "U123")).not.toBe(lookupHash(ring, "U123"));
  });

  it("cover old keys while rotating", () => {
    const old = lookupHash(createKeyring(keyA), "U123");
    expect(lookupHashes(createKeyring(keyB, [keyA]), "U123")).toContain(old);
  });
});
