import fs from "node:fs";
import { parseArgs } from "node:util";
import { auditCheckpointFile } from "@/lib/audit";
import { now } from "@/lib/clock";
import { getKeyring } from "@/lib/crypto";
import {
  decryptHandoverBundle,
  exportHandoverBundle,
  HandoverBundleError,
  HandoverKeyError,
  HandoverOutputError,
  HandoverTargetError,
  importHandoverBundle,
  parseIdentities,
  parseRecipients,
  verifyHandoverBundle,
} from "@/lib/handover";
import { openCliDatabase } from "./cli-database";

/** `npm run handover -- export|import|decrypt`: the end-of-contract handover (R22, docs/OPERATIONS.md). */
const usage = `usage:
  npm run handover -- export --out DIR [--recipient-key FILE]
  npm run handover -- import DIR
  npm run handover -- decrypt DIR --identity FILE --out DIR`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { out: { type: "string" }, "recipient-key": { type: "string" }, identity: { type: "string" } } });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
const [command, dir, ...rest] = parsed.positionals;
const args = parsed.values;
if (rest.length > 0) fail(`Unexpected arguments: ${rest.join(" ")}\n${usage}`);

function readKeyFile(file: string): string {
  if (!fs.existsSync(file)) fail(`No such file: ${file}`);
  return fs.readFileSync(file, "utf8");
}

const actorLabel = `command line (npm run handover -- ${command})`;
const known = [HandoverBundleError, HandoverKeyError, HandoverOutputError, HandoverTargetError];

try {
  if (command === "export") {
    if (!args.out || dir) fail(usage);
    const recipients = args["recipient-key"] ? parseRecipients(readKeyFile(args["recipient-key"])) : undefined;
    const { database, env } = await openCliDatabase("npm run handover -- export", { requireSecrets: true });
    try {
      const { manifest, manifestSha256 } = await exportHandoverBundle(database.db, { outDir: args.out, keyring: getKeyring(), at: now(), recipients, checkpointFile: auditCheckpointFile(env.DATA_DIR), actorLabel });
      const rows = manifest.files.filter((f) => f.name.endsWith(".jsonl")).map((f) => `  ${f.table?.padEnd(28)} ${f.rows}`);
      console.log(`Handover bundle written to ${args.out}${recipients ? " (every file encrypted with age)" : ""}:\n${rows.join("\n")}`);
      console.log(`Audit head at the export: row ${manifest.auditHead.seq}, hash ${manifest.auditHead.hash}.`);
      console.log(`Manifest SHA-256 (of the clear manifest.json; the destruction report names it): ${manifestSha256}`);
      console.log(recipients ? "The recipient decrypts it with: npm run handover -- decrypt DIR --identity KEYFILE --out DIR2 (or age -d)." : `Check it with: cd ${args.out} && sha256sum -c SHA256SUMS`);
    } finally {
      await database.close();
    }
  } else if (command === "import") {
    if (!dir || args.out || args["recipient-key"]) fail(usage);
    // Checked before the database is opened, so a damaged bundle is named without touching anything.
    verifyHandoverBundle(dir);
    const { database, env } = await openCliDatabase("npm run handover -- import", { requireSecrets: true });
    try {
      const summary = await importHandoverBundle(database.db, { dir, keyring: getKeyring(), at: now(), checkpointFile: auditCheckpointFile(env.DATA_DIR), actorLabel });
      const rows = Object.entries(summary.rows).map(([table, n]) => `  ${table.padEnd(28)} ${n}`);
      console.log(`Imported ${dir}:\n${rows.join("\n")}`);
      console.log(`The audit chain continues after row ${summary.auditHead.seq}. No one's password came with the bundle: create an administrator with npm run staff:create, who then sets each person's password on the staff page.`);
    } finally {
      await database.close();
    }
  } else if (command === "decrypt") {
    if (!dir || !args.out || !args.identity) fail(usage);
    const written = await decryptHandoverBundle({ dir, outDir: args.out, identities: parseIdentities(readKeyFile(args.identity)) });
    verifyHandoverBundle(args.out);
    console.log(`Decrypted ${written.length} files into ${args.out}; every file matches its manifest.`);
  } else {
    fail(usage);
  }
} catch (error) {
  if (known.some((kind) => error instanceof kind)) fail((error as Error).message);
  throw error;
}
