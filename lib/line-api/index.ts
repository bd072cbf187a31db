export { LineApiError, type LineApi, type LineMessage, type LineQuota } from "./api";
export { countPushesInMonth } from "./outbox/count-pushes";
export {
  deliverNextOutboxItem,
  OUTBOX_MAX_ATTEMPTS,
  type DeliveryDeps,
  type DeliverySettled,
  type DeliverySettledListener,
  type MonthlyLimitListener,
} from "./outbox/deliver-next-outbox-item";
export { cancelPendingCalls, enqueueLineCall, enqueueReply, REPLY_TOKEN_LIFETIME_MS } from "./outbox/enqueue";
export { startOutboxWorker, stopOutboxWorker, wakeOutboxWorker } from "./outbox-worker";
export { createSdkLineApi } from "./sdk-api";
export { findLineQuotaReading } from "./quota/find-line-quota-reading";
export { readLineQuota, type LineQuotaReading } from "./quota/read-line-quota";
