import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { auditCheckpointFile } from "@/lib/audit";

/** What a destruction leaves, in DATA_DIR unless --out says otherwise. */
export const REPORT_FILE = "destruction-report.pdf";
export const SUMMARY_FILE = "destruction-summary.json";

export interface DataDirEntry {
  /** Relative to DATA_DIR; a folder is one entry with the files it holds. */
  name: string;
  files: number;
  bytes: number;
}

function sizeOf(full: string): { files: number; bytes: number } {
  const stat = fs.lstatSync(full);
  if (!stat.isDirectory()) return { files: 1, bytes: stat.size };
  let files = 0;
  let bytes = 0;
  for (const child of fs.readdirSync(full)) {
    const inner = sizeOf(path.join(full, child));
    files += inner.files;
    bytes += inner.bytes;
  }
  return { files, bytes };
}

/** What DATA_DIR holds, one entry per top-level name (the embedded database's folder counts its files). */
export function listDataDir(dataDir: string): DataDirEntry[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs
    .readdirSync(dataDir)
    .sort()
    .map((name) => ({ name, ...sizeOf(path.join(dataDir, name)) }));
}

/** Folders of the operating system itself: never a DATA_DIR, however it was configured. */
const SYSTEM_FOLDERS = ["/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/var/lib", "/var/tmp"];

function isSameOrAncestor(folder: string, of: string): boolean {
  const relative = path.relative(folder, of);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * DATA_DIR is emptied whole, so a misconfigured one is refused rather than wiped: the filesystem's root
 * or a system folder, or a folder holding the home folder or the application's own folder (`..`, `/srv`).
 */
export function isSafeDataDir(dataDir: string): boolean {
  const resolved = path.resolve(dataDir);
  if (resolved === path.parse(resolved).root || SYSTEM_FOLDERS.includes(resolved) || resolved === os.tmpdir()) return false;
  return ![os.homedir(), process.cwd()].some((folder) => isSameOrAncestor(resolved, path.resolve(folder)));
}

/**
 * The top-level names Soudan itself writes under DATA_DIR: the embedded database and its lock
 * (db/client.ts), the audit checkpoints (lib/audit), the demo's generated secrets (scripts/demo.ts) and
 * an earlier destruction's report and summary.
 */
const SOUDAN_ENTRIES = ["pgdata", "soudan.lock", path.basename(auditCheckpointFile("")), "demo-secrets.json", REPORT_FILE, SUMMARY_FILE];

/** Entries of DATA_DIR Soudan never writes: a sign that DATA_DIR points at a folder that is not only Soudan's. */
export function unknownDataDirEntries(entries: readonly DataDirEntry[]): string[] {
  return entries.map((entry) => entry.name).filter((name) => !SOUDAN_ENTRIES.includes(name));
}

/** Removes everything under DATA_DIR except the names kept (the report and its summary). */
export function emptyDataDir(dataDir: string, keep: readonly string[] = []): void {
  if (!fs.existsSync(dataDir)) return;
  for (const name of fs.readdirSync(dataDir)) {
    if (keep.includes(name)) continue;
    fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}
