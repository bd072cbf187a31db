import { createInterface } from "node:readline";
import type { Db } from "@/db";
import { assessText, loadRiskLexicon } from "@/lib/risk";
import { openCliDatabase } from "./cli-database";

/**
 * `npm run risk -- assess "テキスト"` prints one JSON line with the level, the lexicon terms found and
 * the lexicon version; `assess -` does so for every line of stdin. The words are the stored lexicon's
 * (the one the app uses), loaded once.
 */
const usage = ['usage: npm run risk -- assess "テキスト"', "       npm run risk -- assess -   (one text per line on stdin)"].join("\n");

async function assessAll(db: Db, texts: AsyncIterable<string> | string[]): Promise<void> {
  const lexicon = await loadRiskLexicon(db);
  for await (const text of texts) {
    const { level, matched, lexiconVersion } = assessText(lexicon, text);
    process.stdout.write(`${JSON.stringify({ level, matched, lexiconVersion })}\n`);
  }
}

const [command, text, ...extra] = process.argv.slice(2);
if (command !== "assess" || text === undefined || extra.length > 0) {
  console.error(command === "assess" ? `assess takes one text, or - for stdin\n${usage}` : `${command ? `unknown command "${command}"` : "no command given"}\n${usage}`);
  process.exitCode = 2;
} else {
  const { database } = await openCliDatabase("npm run risk");
  try {
    await assessAll(database.db, text === "-" ? createInterface({ input: process.stdin, crlfDelay: Infinity }) : [text]);
  } finally {
    await database.close();
  }
}
