import { randomInt } from "node:crypto";

// No 0/O or 1/I/L, so a counselor can read a pseudonym aloud to the supervisor without confusion.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function createPseudonym(): string {
  return `相談者-${Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`;
}
