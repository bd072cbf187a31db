export { CHAT_SESSION_MS, resolveChatSession, revokeChatSession, startChatSession } from "./chat-sessions";
export { IdTokenError, LINE_ISSUER, verifyLiffIdToken, type IdTokenRefusal, type VerifyOptions } from "./verify-id-token";
export { BURST_LIMIT, BURST_WINDOW_MS, consultationBelongsToYouth, listSecureChatMessages, receiveSecureChatMessage, type ChatLine, type SendResult } from "./secure-chat";
export { secureChatMessageSchema, YOUTH_MESSAGE_MAX } from "./secure-chat-input";
export { describeLiffApp, liffUrlOf, type LiffApp } from "./describe-liff-app";
