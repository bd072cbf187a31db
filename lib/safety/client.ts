// What the browser may load from lib/safety: the secure chat's emergency panel dials these numbers.
export { telUri } from "./contact-input";
