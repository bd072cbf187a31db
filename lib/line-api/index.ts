export type { LineApi, LineFollowers, LineMessage, LineQuota } from "./api";
export { countPushesInMonth } from "./outbox/count-pushes";
export {
  deliverNextOutboxItem,
  type DeliveryDeps,
  type DeliverySettled,
  type DeliverySettledListener,
  type MonthlyLimitListener,
} from "./outbox/deliver-next-outbox-item";
export { cancelPendingCalls, enqueueLineCall, enqueueReply } from "./outbox/enqueue";
export { startOutboxWorker, stopOutboxWorker, wakeOutboxWorker } from "./outbox-worker";
export { createSdkLineApi } from "./sdk-api";
export { findLineQuotaReading } from "./quota/find-line-quota-reading";
export { readLineQuota, type LineQuotaReading } from "./quota/read-line-quota";
