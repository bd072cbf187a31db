import { getDb } from "@/app/_server/database";
import { auditCheckpointFile, recordAuditCheckpoint } from "@/lib/audit";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { describeError } from "@/lib/jobs";

/**
 * Anchors the audit chain's head in this instance's DATA_DIR/audit-checkpoints and the process log:
 * hourly (instrumentation-node.ts) and after every export. A file that cannot be written must not
 * cost the person their download, so the failure is logged, not thrown.
 */
export async function checkpointAudit(): Promise<void> {
  try {
    await recordAuditCheckpoint(await getDb(), { keyring: getKeyring(), file: auditCheckpointFile(getConfig().DATA_DIR), at: now() });
  } catch (error) {
    console.error(`[soudan] audit checkpoint failed: ${describeError(error)}`);
  }
}
