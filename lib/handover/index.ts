export { exportHandoverBundle, HandoverOutputError, type ExportOptions } from "./export-bundle";
export { importHandoverBundle, HandoverTargetError, type ImportOptions, type ImportSummary } from "./import-bundle";
export { decryptHandoverBundle } from "./decrypt-bundle";
export { verifyHandoverBundle, HandoverBundleError, type HandoverManifest } from "./manifest";
export { parseIdentities, parseRecipients, HandoverKeyError } from "./encryption";
