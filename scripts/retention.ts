import { parseArgs } from "node:util";
import { now } from "@/lib/clock";
import { purgeExpiredData, purgeKinds, retentionSettingsOf } from "@/lib/retention";
import { openCliDatabase } from "./cli-database";

/**
 * `npm run retention -- purge [--dry-run]`: erases now what has outlived its retention period, as the
 * app's hourly job does, and prints the counts per kind. Audited (`retention.purged`) unless a dry run.
 */
const usage = [
  "usage: npm run retention -- purge [--dry-run]",
  "       npm run retention -- settings",
  "Periods: SOUDAN_RETENTION_PAYLOAD_DAYS (LINE payloads, default 7), SOUDAN_RETENTION_CONTENT_MONTHS (consultation content, default 12; 0 keeps it).",
].join("\n");

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { "dry-run": { type: "boolean", default: false } } });
} catch (error) {
  fail((error as Error).message);
}
const [command, ...extra] = parsed.positionals;
if (extra.length > 0) fail(`unexpected arguments: ${extra.join(" ")}`);
if (command !== "purge" && command !== "settings") fail(command ? `unknown command "${command}"` : "which command?");

const { database, env } = await openCliDatabase("npm run retention", { requireSecrets: false });
const settings = retentionSettingsOf(env);
if (command === "settings") {
  await database.close();
  console.log(`LINE payloads: ${settings.payloadDays} days after processing or sending`);
  console.log(`Consultation content: ${settings.contentMonths === 0 ? "kept until destruction" : `${settings.contentMonths} months after the consultation closed`}`);
  process.exit(0);
}

const dryRun = parsed.values["dry-run"] ?? false;
const result = await purgeExpiredData(database.db, { at: now(), settings, trigger: "command", dryRun });
await database.close();
console.log(`${dryRun ? "Would purge" : "Purged"} (LINE payloads settled before ${result.payloadCutoff.toISOString()}; ${result.contentCutoff ? `content of consultations closed before ${result.contentCutoff.toISOString()}` : "consultation content kept"}):`);
for (const kind of purgeKinds) console.log(`  ${kind.padEnd(18)} ${result.counts[kind]}`);
