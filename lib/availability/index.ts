export { createCircuitBreaker, type CircuitBreaker, type CircuitBreakerOptions } from "./create-circuit-breaker";
export { DatabaseUnavailableError } from "./database-unavailable-error";
export { isConnectionFailure } from "./is-connection-failure";
