import { createHash } from "node:crypto";

/**
 * The SHA-256 (hex) every export records in its audit row, so `npm run report -- verify FILE` can later
 * say whether a file is one Soudan handed out, unchanged.
 */
export function digestExportedFile(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}
