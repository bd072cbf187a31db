export { type AuditAction } from "./actions";
export { appendAudit, type AuditEntry } from "./append-audit";
export { verifyAuditChain, type AuditVerification } from "./verify-audit-chain";
export { listAudit } from "./list-audit";
