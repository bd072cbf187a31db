import path from "node:path";
import { parseArgs } from "node:util";
import { EmbeddedDatabaseBusyError, openDatabase, openOptionsFromEnv } from "@/db/client";
import { now } from "@/lib/clock";
import { ConfigError, parseEnv } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { DestructionIncompleteError, DestructionRefusedError, destroyServiceData, surveyDestruction } from "@/lib/destruction";

/**
 * `npm run destroy -- --dry-run` shows what would go and a confirmation code for exactly that state;
 * `npm run destroy -- --confirm CODE [--handover-manifest FILE | --handover-manifest-sha256 HEX] [--contract TEXT] [--operator TEXT]
 * [--out DIR] [--force]` destroys it and writes the 廃棄報告書 (docs/OPERATIONS.md, "End of contract").
 */
const usage = [
  "usage: npm run destroy -- --dry-run",
  "       npm run destroy -- --confirm CODE [--handover-manifest FILE | --handover-manifest-sha256 HEX] [--contract TEXT] [--operator TEXT] [--out DIR] [--force]",
].join("\n");

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: {
      "dry-run": { type: "boolean" },
      confirm: { type: "string" },
      "handover-manifest": { type: "string" },
      "handover-manifest-sha256": { type: "string" },
      contract: { type: "string" },
      operator: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const options = parsed.values;
const manifestSha256 = options["handover-manifest-sha256"];
if (manifestSha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(manifestSha256)) fail("--handover-manifest-sha256 takes the 64 hexadecimal digits the export printed.");
if (manifestSha256 !== undefined && options["handover-manifest"]) fail("Give --handover-manifest or --handover-manifest-sha256, not both.");

let env;
try {
  env = parseEnv(process.env, { requireSecrets: !options["dry-run"] });
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
const dataDir = path.resolve(env.DATA_DIR);
let database;
try {
  const openOptions = openOptionsFromEnv(env, "npm run destroy");
  // Its own pool's connections must not count as another tool's: destruction refuses while one is open.
  database = await openDatabase(openOptions.kind === "postgres" ? { ...openOptions, applicationName: "soudan-destroy" } : openOptions);
} catch (error) {
  if (error instanceof EmbeddedDatabaseBusyError) fail(`Refused, nothing deleted: ${error.message}`);
  throw error;
}
await database.migrate();

if (options["dry-run"]) {
  const survey = await surveyDestruction(database.db, { dataDir });
  await database.close();
  const where = database.kind === "pglite" ? `the embedded database in ${dataDir}` : "PostgreSQL (DATABASE_URL)";
  console.log(`Dry run: nothing was deleted. This would destroy every row of ${where}:`);
  for (const [table, rows] of Object.entries(survey.counts)) console.log(`  ${table.padEnd(28)} ${rows}`);
  const total = Object.values(survey.counts).reduce((a, b) => a + b, 0);
  console.log(`  ${"total".padEnd(28)} ${total}`);
  console.log(survey.period ? `Consultations from ${survey.period.first.toISOString()} to ${survey.period.last.toISOString()}.` : "No consultations.");
  console.log(`Audit chain head: row ${survey.auditHead.seq}, hash ${survey.auditHead.hash}.`);
  console.log(survey.files.length === 0 ? `and nothing under ${dataDir}.` : `and everything under ${dataDir}:`);
  for (const file of survey.files) console.log(`  ${file.name}${file.files > 1 ? `/ (${file.files} files)` : ""}, ${file.bytes} bytes`);
  const handover = survey.handover;
  if (!handover) console.log("No handover export is recorded: export the handover first (npm run handover -- export).");
  else {
    const after = handover.consultationsAfter + handover.messagesAfter;
    console.log(`Latest handover export: ${handover.exportedAt.toISOString()}, manifest SHA-256 ${handover.manifestSha256 ?? "(not recorded)"}.`);
    console.log(after === 0 ? "It is current: nothing was written after it." : `It is NOT current: ${handover.consultationsAfter} consultation(s) and ${handover.messagesAfter} message(s) came after it; export again (destruction refuses unless --force).`);
  }
  if (survey.unknownFiles.length > 0) console.log(`Soudan never writes ${survey.unknownFiles.join(", ")} in DATA_DIR: check DATA_DIR; destruction refuses unless --force.`);
  console.log(`Confirmation code: ${survey.code}`);
  console.log(`To destroy: npm run destroy -- --confirm ${survey.code}${handover ? "" : " --handover-manifest BUNDLE/manifest.json"}`);
  process.exit(0);
}

try {
  const result = await destroyServiceData(
    database,
    {
      confirm: options.confirm ?? null,
      force: options.force ?? false,
      dataDir,
      outDir: options.out,
      municipality: env.SOUDAN_MUNICIPALITY_NAME ?? null,
      contract: options.contract ?? null,
      operator: options.operator ?? null,
      handoverManifest: options["handover-manifest"] ? { file: options["handover-manifest"] } : manifestSha256 ? { sha256: manifestSha256 } : null,
      at: now(),
    },
    { keyring: getKeyring() },
  );
  const rows = Object.values(result.summary.destroyed).reduce((a, b) => a + b, 0);
  console.log(`Destroyed ${rows} rows and everything under ${dataDir}; verified: no table holds a row, no file is left.`);
  if (!options["handover-manifest"] && !manifestSha256) {
    const handover = result.survey.handover;
    console.log(handover ? `Handover manifest SHA-256 (from the export of ${handover.exportedAt.toISOString()}): ${result.summary.handoverManifestSha256 ?? "not recorded"}.` : "No handover export was recorded: the report names none.");
  }
  console.log(`Final audit head: row ${result.summary.auditHead.seq}, hash ${result.summary.auditHead.hash}.`);
  console.log(`廃棄報告書: ${result.reportPath}`);
  console.log(`Summary:   ${result.summaryPath}`);
  console.log("Now destroy the encryption key (SOUDAN_ENCRYPTION_KEY and old keys) everywhere it is kept, and record it on the report.");
} catch (error) {
  if (error instanceof DestructionRefusedError) {
    await database.close();
    fail(`Refused, nothing deleted: ${error.message}`);
  }
  if (error instanceof DestructionIncompleteError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
