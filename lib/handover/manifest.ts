import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const manifestFile = "manifest.json";
/** `sha256sum -c SHA256SUMS` checks every file of a bundle, the manifest included, with no Soudan at hand. */
export const checksumFile = "SHA256SUMS";
export const readmeFile = "README.md";

export const handoverManifestSchema = z.object({
  format: z.literal("soudan-handover"),
  formatVersion: z.literal(1),
  exportedAt: z.iso.datetime(),
  /** The newest migration the exporting Soudan had applied (db/migrations/meta/_journal.json). */
  schemaVersion: z.string().min(1),
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  files: z.array(
    z.object({
      name: z.string().regex(/^[a-z0-9_.]+$/i),
      /** The table a data file holds; absent for the README. */
      table: z.string().optional(),
      rows: z.number().int().min(0).optional(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export type HandoverManifest = z.infer<typeof handoverManifestSchema>;

export function sha256(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Refused with the file's name: the import never reads a file the manifest does not vouch for. */
export class HandoverBundleError extends Error {}

/** The migrations this code base knows, oldest first. */
export function knownSchemaVersions(): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  return journal.entries.map((entry) => entry.tag);
}

/** Reads the manifest and checks every file it lists against its SHA-256; returns the manifest only if all match. */
export function verifyHandoverBundle(dir: string): HandoverManifest {
  const manifestPath = path.join(dir, manifestFile);
  if (!fs.existsSync(manifestPath)) {
    if (fs.existsSync(`${manifestPath}.age`)) throw new HandoverBundleError(`The bundle in ${dir} is encrypted: decrypt it first (npm run handover -- decrypt ${dir} --identity FILE --out DIR).`);
    throw new HandoverBundleError(`No ${manifestFile} in ${dir}: not a handover bundle.`);
  }
  const parsed = handoverManifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestPath, "utf8")));
  if (!parsed.success) throw new HandoverBundleError(`${manifestFile} is not a Soudan handover manifest: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  for (const file of parsed.data.files) {
    const filePath = path.join(dir, file.name);
    if (!fs.existsSync(filePath)) throw new HandoverBundleError(`${file.name} is listed in ${manifestFile} but missing from the bundle.`);
    if (sha256(fs.readFileSync(filePath)) !== file.sha256) throw new HandoverBundleError(`${file.name} does not match its SHA-256 in ${manifestFile}: the file was changed or damaged.`);
  }
  return parsed.data;
}
