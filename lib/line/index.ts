export type { HandlerDeps } from "./handlers";
export { processNextInboxEvent, INBOX_MAX_ATTEMPTS } from "./inbox/process-next-inbox-event";
export { receiveWebhook, type WebhookAnswer } from "./inbox/receive-webhook";
export { startLineWorkers, stopLineWorkers, wakeLineWorkers } from "./workers";
export { listFailedInboxEvents, type FailedInboxEvent } from "./list-failed-inbox-events";
export { summarizeLineChannel, type LineChannelSummary } from "./summarize-line-channel";
export { recordReceptionEvent, type ReceptionEventKind } from "./reception/record-reception-event";
export { checkLineQuota } from "./quota/check-line-quota";
export { startLineQuotaWatch } from "./quota/start-line-quota-watch";
