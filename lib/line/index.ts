export type { HandlerDeps } from "./handlers";
export { processNextInboxEvent } from "./inbox/process-next-inbox-event";
export { receiveWebhook, type WebhookAnswer } from "./inbox/receive-webhook";
export { startLineWorkers, stopLineWorkers, wakeLineWorkers } from "./workers";
export { listFailedInboxEvents, type FailedInboxEvent } from "./list-failed-inbox-events";
export { summarizeLineChannel, type LineChannelSummary } from "./summarize-line-channel";
export { startLineQuotaWatch } from "./quota/start-line-quota-watch";
