/**
 * Every column that holds lib/crypto field ciphertext, keyed by its table's primary key, and every
 * keyed lookup hash computed from one of them. `npm run keys:rotate` re-encrypts exactly these (and
 * recomputes the hashes), so a new encrypted column must be listed here; a test checks the schema.
 */
export interface EncryptedTable {
  table: string;
  key: string;
  columns: string[];
  /** Lookup hashes to recompute under the new key from the plaintext of `of`. */
  lookupHashes?: { column: string; of: string }[];
}

export const encryptedColumns: EncryptedTable[] = [
  { table: "staff", key: "id", columns: ["totp_secret", "totp_pending_secret"] },
  { table: "youths", key: "id", columns: ["line_user_id_enc"], lookupHashes: [{ column: "line_user_hash", of: "line_user_id_enc" }] },
  { table: "line_inbox", key: "webhook_event_id", columns: ["payload_enc"] },
  { table: "line_outbox", key: "id", columns: ["payload_enc"] },
  { table: "consultations", key: "id", columns: ["intake_note_enc"] },
  { table: "consultation_messages", key: "id", columns: ["body_enc"] },
  { table: "consultation_notes", key: "id", columns: ["body_enc"] },
  { table: "consultation_records", key: "consultation_id", columns: ["draft_enc", "content_summary_enc", "response_summary_enc", "emergency_note_enc"] },
  { table: "consents", key: "id", columns: ["recipient_enc", "scope_note_enc", "words_enc", "withdrawal_note_enc"] },
  { table: "sharing_exceptions", key: "id", columns: ["recipient_enc", "reason_enc"] },
  { table: "safety_plan_versions", key: "id", columns: ["plan_enc"] },
  { table: "emergencies", key: "id", columns: ["checklist_notes_enc", "summary_enc"] },
  { table: "emergency_contacts", key: "id", columns: ["result_enc"] },
  { table: "incidents", key: "id", columns: ["scope_enc", "actions_enc"] },
  { table: "survey_responses", key: "id", columns: ["comment_enc"] },
];
