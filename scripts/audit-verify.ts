import fs from "node:fs";
import { parseArgs } from "node:util";
import { auditCheckpointFile, readAuditCheckpoints, verifyAuditChain, type AuditCheckpoint } from "@/lib/audit";
import { getKeyring } from "@/lib/crypto";
import { openCliDatabase } from "./cli-database";

const { values } = parseArgs({ options: { checkpoint: { type: "string" } } });
const { database, env } = await openCliDatabase("npm run audit:verify");

/** The checkpoints to hold the chain against: the file named, else this instance's own file when it exists. */
function loadCheckpoints(): { file: string; checkpoints: AuditCheckpoint[] } | null {
  const file = values.checkpoint ?? auditCheckpointFile(env.DATA_DIR);
  if (!fs.existsSync(file)) {
    if (values.checkpoint) return fail(2, `Checkpoint file ${file} does not exist.`);
    console.warn(`No checkpoint file at ${file}: the chain is checked on its own, which cannot show that its newest rows were deleted.`);
    return null;
  }
  if (!env.SOUDAN_ENCRYPTION_KEY) return fail(2, "Configuration error: SOUDAN_ENCRYPTION_KEY is required to check the checkpoints' signatures");
  const reading = readAuditCheckpoints(fs.readFileSync(file, "utf8"), getKeyring());
  if (reading.ok) return { file, checkpoints: reading.checkpoints };
  const why = {
    malformed: "is not a checkpoint",
    forged: "has a signature that does not match: the checkpoint was altered or forged",
    "unknown-key": `was signed with key ${reading.key}, which is not configured (add it to SOUDAN_ENCRYPTION_KEYS_OLD to check it)`,
  }[reading.problem];
  return fail(1, `Checkpoint file damaged: line ${reading.line} of ${file} ${why}.`);
}

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

const loaded = loadCheckpoints();
const result = await verifyAuditChain(database.db, { checkpoints: loaded?.checkpoints });
await database.close();
if (result.ok) {
  const against = loaded && loaded.checkpoints.length > 0 ? `, and it reaches every one of the ${loaded.checkpoints.length} checkpoints in ${loaded.file}` : "";
  console.log(`Audit log intact: ${result.rows} rows verified${against}.`);
} else if (result.problem === "truncated") {
  const { seq, at } = result.checkpoint;
  const range = result.rows + 1 === seq ? `row ${seq} is` : `rows ${result.rows + 1} to ${seq} are`;
  const gone = result.rows === 0 ? "the audit log is empty" : `${range} missing (the log ends at row ${result.rows})`;
  fail(1, `Audit log damaged: ${gone}, but the checkpoint of ${at} saw ${seq} rows. Rows were deleted.`);
} else if (result.problem === "checkpoint-mismatch") {
  fail(1, `Audit log damaged: row ${result.seq} is not the row the checkpoint of ${result.checkpoint.at} saw. The log was rewritten from there on.`);
} else {
  const what = { tampered: "was changed after it was written", missing: "is missing", "broken-link": "does not link to the row before it" }[result.problem];
  fail(1, `Audit log damaged: row ${result.seq} ${what} (${result.rows} rows before it are intact).`);
}
