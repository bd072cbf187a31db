export { closeChatConnection } from "./close-chat-connection";
export { findChatPresence, type ChatPresence } from "./find-chat-presence";
export { CHAT_CONNECTION_LEASE_MS } from "./lease";
export { openChatConnection } from "./open-chat-connection";
export { renewChatConnection } from "./renew-chat-connection";
