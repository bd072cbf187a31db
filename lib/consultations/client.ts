// Pure and database-free, safe for client components.
export { createReplyDraftStore, REPLY_DRAFT_TTL_MS } from "./reply-draft-store";
