export { CHAT_SESSION_MS, resolveChatSession, startChatSession } from "./chat-sessions";
export { IdTokenError, verifyLiffIdToken, type IdTokenRefusal, type VerifyOptions } from "./verify-id-token";
export { listSecureChatMessages, receiveSecureChatMessage, type ChatLine, type SecureChatView, type SendResult } from "./secure-chat";
export { secureChatMessageSchema } from "./secure-chat-input";
export { describeLiffApp, liffUrlOf, type LiffApp } from "./describe-liff-app";
export { selectChatEvent, type ChatStreamEvent } from "./select-chat-event";
