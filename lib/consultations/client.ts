// Pure and database-free, safe for client components.
export { createReplyDraftStore } from "./reply-draft-store";
