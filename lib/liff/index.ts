export { CHAT_SESSION_MS, resolveChatSession, revokeChatSession, startChatSession } from "./chat-sessions";
export { IdTokenError, LINE_ISSUER, verifyLiffIdToken, type IdTokenRefusal, type VerifyOptions } from "./verify-id-token";
