/**
 * Every column that holds lib/crypto field ciphertext, keyed by its table's primary key.
 * `npm run keys:rotate` re-encrypts exactly these; a new encrypted column must be listed here.
 */
export const encryptedColumns: { table: string; key: string; columns: string[] }[] = [
  { table: "staff", key: "id", columns: ["totp_secret", "totp_pending_secret"] },
  { table: "consultation_notes", key: "id", columns: ["body_enc"] },
  { table: "consultation_records", key: "consultation_id", columns: ["draft_enc", "content_summary_enc", "response_summary_enc", "emergency_note_enc"] },
];
