export { LineApiError, type LineApi, type LineMessage } from "./api";
export type { HandlerDeps } from "./handlers";
export { processNextInboxEvent, INBOX_MAX_ATTEMPTS } from "./inbox/process-next-inbox-event";
export { receiveWebhook, type WebhookAnswer } from "./inbox/receive-webhook";
export { countPushesInMonth } from "./outbox/count-pushes";
export { deliverNextOutboxItem, OUTBOX_MAX_ATTEMPTS, type DeliveryDeps } from "./outbox/deliver-next-outbox-item";
export { cancelPendingCalls, enqueueLineCall, enqueueReply, REPLY_TOKEN_LIFETIME_MS } from "./outbox/enqueue";
export { createSdkLineApi } from "./sdk-api";
export { startLineWorkers, stopLineWorkers, wakeLineWorkers } from "./workers";
