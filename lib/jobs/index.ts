export { backoffDelayMs } from "./backoff";
export { startWorkerLoop, type WorkerLoop } from "./worker-loop";
export { describeError } from "./describe-error";
