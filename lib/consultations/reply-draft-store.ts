/**
 * A half-typed reply outlives this long in the browser: one shift (the longest a counselor stays on
 * one PC). It covers a reload and an idle sign-out mid-shift; the next shift's person on a shared PC
 * finds nothing. An explicit sign-out clears sooner (clearAll).
 */
const REPLY_DRAFT_TTL_MS = 8 * 60 * 60_000;

const PREFIX = "soudan.reply-draft.";

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

type Stored = { text: string; savedAt: number };

function keyOf(staffId: string, consultationId: string): string {
  return `${PREFIX}${staffId}.${consultationId}`;
}

function parse(raw: string | null): Stored | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Stored>;
    return typeof value.text === "string" && typeof value.savedAt === "number" ? { text: value.text, savedAt: value.savedAt } : null;
  } catch {
    return null;
  }
}

/**
 * The reply box's unsent text, kept in the browser per staff member and consultation so a reload or
 * an idle timeout does not lose it. Keyed by staff id: on a shared PC the next person does not see it
 * in their box. Cleared on send, when the consultation is no longer this person's to answer (closed,
 * transferred away), on an explicit sign-out (all of them: plaintext must not wait on a shared PC for
 * the next person); dropped after REPLY_DRAFT_TTL_MS.
 */
export function createReplyDraftStore(storage: StorageLike, clock: () => number = Date.now) {
  function draftKeys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    return keys;
  }
  return {
    load(staffId: string, consultationId: string): string {
      const key = keyOf(staffId, consultationId);
      const stored = parse(storage.getItem(key));
      if (!stored) return "";
      if (clock() - stored.savedAt > REPLY_DRAFT_TTL_MS) {
        storage.removeItem(key);
        return "";
      }
      return stored.text;
    },
    save(staffId: string, consultationId: string, text: string): void {
      const key = keyOf(staffId, consultationId);
      if (!text) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify({ text, savedAt: clock() } satisfies Stored));
    },
    clear(staffId: string, consultationId: string): void {
      storage.removeItem(keyOf(staffId, consultationId));
    },
    /** Drops every expired or unreadable draft in this browser, whoever wrote it. */
    sweep(): void {
      for (const key of draftKeys()) {
        const stored = parse(storage.getItem(key));
        if (!stored || clock() - stored.savedAt > REPLY_DRAFT_TTL_MS) storage.removeItem(key);
      }
    },
    /** Drops every draft in this browser, whoever wrote it: the explicit sign-out, when the PC goes to someone else. */
    clearAll(): void {
      for (const key of draftKeys()) storage.removeItem(key);
    },
  };
}
