export { type ConsoleEvent } from "./events";
export { publishConsoleEvent } from "./publish-console-event";
export { subscribeConsoleEvents } from "./subscribe-console-events";
