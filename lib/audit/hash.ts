import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorLogin: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/** jsonb reorders keys, so the hash is taken over a key-sorted form that survives a round trip. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function hashAuditRow(row: ChainedFields): string {
  const material = JSON.stringify([
    row.seq,
    row.at.toISOString(),
    row.actorId,
    row.actorLogin,
    row.action,
    row.target,
    canonical(row.details),
    row.prevHash,
  ]);
  return createHash("sha256").update(material, "utf8").digest("hex");
}
