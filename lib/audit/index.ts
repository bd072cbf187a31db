export { type AuditAction } from "./actions";
export { appendAudit, type AuditEntry } from "./append-audit";
export { verifyAuditChain, type AuditVerification } from "./verify-audit-chain";
export { listAudit } from "./list-audit";
export { readAuditHead, type AuditHead } from "./read-audit-head";
export { auditCheckpointFile, readAuditCheckpoints, type AuditCheckpoint, type CheckpointReading } from "./checkpoint";
export { recordAuditCheckpoint } from "./record-audit-checkpoint";
