export { closeChatConnection } from "./close-chat-connection";
export { findChatPresence, type ChatPresence } from "./find-chat-presence";
export { openChatConnection } from "./open-chat-connection";
export { renewChatConnection } from "./renew-chat-connection";
