import { parseArgs } from "node:util";
import { z } from "zod";
import type { Db } from "@/db";
import { now } from "@/lib/clock";
import { buildFiscalYearPreset, formatOpeningLine, listOpeningsBetweenDates, takeo2024Preset, type Schedule } from "@/lib/schedule";
import { loadCurrentSchedule, saveSchedule, ScheduleValidationError } from "@/lib/schedule/store";
import { openCliDatabase } from "./cli-database";

/**
 * `npm run schedule -- …`: load a preset schedule as a new version, list the staffed sessions of
 * the current one, or show it. `openings` prints only the sessions on stdout so the output can be
 * diffed against a hand-written list; everything else an operator should read goes to stderr.
 */
const usage = [
  "usage: npm run schedule -- preset takeo-2024",
  "       npm run schedule -- preset fiscal-year --year YYYY",
  "       npm run schedule -- openings --from YYYY-MM-DD --to YYYY-MM-DD",
  "       npm run schedule -- show",
].join("\n");

/** A mistake in how the command was called: one line (plus the usage when the command itself is wrong), exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

type Command = { kind: "preset"; label: string; schedule: Schedule } | { kind: "openings"; from: string; to: string } | { kind: "show" };

const isoDate = z.iso.date();

function dateOption(name: "from" | "to", value: string | undefined): string {
  if (value === undefined) throw new UsageError(`openings needs --${name} YYYY-MM-DD`);
  if (!isoDate.safeParse(value).success) throw new UsageError(`--${name} "${value}" is not a real date; write it as YYYY-MM-DD, e.g. 2024-07-22`);
  return value;
}

function preset(name: string | undefined, year: string | undefined): { label: string; schedule: Schedule } {
  if (name === "takeo-2024") return { label: name, schedule: takeo2024Preset };
  if (name !== "fiscal-year") throw new UsageError(`${name ? `unknown preset "${name}"` : "preset needs a name"}; choose takeo-2024 or fiscal-year`);
  if (year === undefined || !/^\d{4}$/.test(year)) throw new UsageError("preset fiscal-year needs --year YYYY (the April it starts in)");
  try {
    return { label: `fiscal-year ${year}`, schedule: buildFiscalYearPreset(Number(year)) };
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`--year ${year}: ${error.message}`);
    throw error;
  }
}

/** Which options each command takes; anything else is refused rather than silently ignored. */
const optionsOf = new Map<string, string[]>([
  ["preset", ["year"]],
  ["openings", ["from", "to"]],
  ["show", []],
]);

function parseCommand(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { year: { type: "string" }, from: { type: "string" }, to: { type: "string" } } });
  } catch (error) {
    // parseArgs explains unknown options and missing values in one sentence already.
    throw new UsageError(error instanceof Error ? error.message : String(error), true);
  }
  const { positionals, values } = parsed;
  const [command, ...rest] = positionals;
  const allowed = command === undefined ? undefined : optionsOf.get(command);
  if (!allowed) throw new UsageError(command ? `unknown command "${command}"` : "no command given", true);
  const extraOption = Object.keys(values).find((option) => !allowed.includes(option));
  if (extraOption) throw new UsageError(`${command} does not take --${extraOption}`);
  if (rest.length > (command === "preset" ? 1 : 0)) throw new UsageError(`unexpected argument "${rest.at(-1)}"`);

  if (command === "preset") return { kind: "preset", ...preset(rest[0], values.year) };
  if (command === "show") return { kind: "show" };
  const from = dateOption("from", values.from);
  const to = dateOption("to", values.to);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { kind: "openings", from, to };
}

async function currentSchedule(db: Db) {
  const current = await loadCurrentSchedule(db);
  if (!current) throw new UsageError("No schedule is configured yet. Load one first: npm run schedule -- preset takeo-2024");
  return current;
}

async function run(db: Db, command: Command): Promise<void> {
  switch (command.kind) {
    case "preset": {
      const { version } = await saveSchedule(db, command.schedule, null, now(), `preset ${command.label}`);
      console.log(`Loaded preset ${command.label} as schedule version ${version}.`);
      return;
    }
    case "openings": {
      const { version, schedule } = await currentSchedule(db);
      const lines = listOpeningsBetweenDates(schedule, command.from, command.to).map(formatOpeningLine);
      console.error(`Schedule version ${version}: ${lines.length} staffed sessions from ${command.from} to ${command.to} (JST).`);
      if (lines.length > 0) process.stdout.write(`${lines.join("\n")}\n`);
      return;
    }
    case "show":
      console.log(JSON.stringify(await currentSchedule(db), null, 2));
      return;
  }
}

function fail(message: string, code: number): void {
  console.error(message);
  process.exitCode = code;
}

// Arguments are checked before the database is opened, so a typo answers at once and never
// waits for (or locks) the embedded database.
let command: Command | undefined;
try {
  command = parseCommand(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  fail(error.showUsage ? `${error.message}\n${usage}` : error.message, 2);
}

if (command) {
  const { database } = await openCliDatabase("npm run schedule");
  try {
    await run(database.db, command);
  } catch (error) {
    if (error instanceof UsageError) fail(error.message, 2);
    else if (error instanceof ScheduleValidationError) fail(error.message, 1);
    else throw error;
  } finally {
    await database.close();
  }
}
