export type { LineApi, LineMessage } from "./api";
export { countPushesInMonth } from "./outbox/count-pushes";
export {
  deliverNextOutboxItem,
  type DeliveryDeps,
  type DeliverySettled,
  type DeliverySettledListener,
} from "./outbox/deliver-next-outbox-item";
export { cancelPendingCalls, enqueueLineCall, enqueueReply } from "./outbox/enqueue";
export { startOutboxWorker, stopOutboxWorker, wakeOutboxWorker } from "./outbox-worker";
export { createSdkLineApi } from "./sdk-api";
