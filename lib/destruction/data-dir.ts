import fs from "node:fs";
import os from "node:os";
import path from "node:path";

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

/**
 * DATA_DIR is emptied whole, so a misconfigured one (the filesystem's root, a home folder, the
 * application's own folder) is refused rather than wiped.
 */
export function isSafeDataDir(dataDir: string): boolean {
  const resolved = path.resolve(dataDir);
  return ![path.parse(resolved).root, os.homedir(), process.cwd()].map((p) => path.resolve(p)).includes(resolved);
}

/** Removes everything under DATA_DIR except the names kept (the report and its summary). */
export function emptyDataDir(dataDir: string, keep: readonly string[] = []): void {
  if (!fs.existsSync(dataDir)) return;
  for (const name of fs.readdirSync(dataDir)) {
    if (keep.includes(name)) continue;
    fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}
