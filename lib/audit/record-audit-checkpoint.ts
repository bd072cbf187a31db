import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/db";
import type { Keyring } from "@/lib/crypto";
import { signAuditCheckpoint, type AuditCheckpoint } from "./checkpoint";
import { readAuditHead } from "./read-audit-head";

/**
 * Appends a signed checkpoint of the chain's head to the checkpoint file and to the process log, whose
 * copy lives wherever the operator ships logs. It names a row number and a hash only, nothing personal.
 */
export async function recordAuditCheckpoint(db: Db, options: { keyring: Keyring; file: string; at: Date }): Promise<AuditCheckpoint> {
  const checkpoint = signAuditCheckpoint(await readAuditHead(db), options.keyring, options.at);
  const line = JSON.stringify(checkpoint);
  await mkdir(path.dirname(options.file), { recursive: true });
  await appendFile(options.file, `${line}\n`, { encoding: "utf8", mode: 0o600 });
  console.info(`[soudan] audit checkpoint ${line}`);
  return checkpoint;
}
