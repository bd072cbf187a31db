/** The browser-wide mark of the last key or click in any staff tab (localStorage is shared by every tab of the origin). */
const KEY = "soudan.last-activity";

type StorageLike = Pick<Storage, "getItem" | "setItem">;

/**
 * The idle sign-out ends the whole session, not one tab: a counselor typing in one tab keeps a quiet
 * tab (the queue, another consultation) from signing everyone out. Each tab marks its activity here and
 * counts idleness from the latest mark of any tab. Without storage (blocked, private mode) a tab
 * falls back to its own activity.
 */
export function createSharedIdleActivity(storage: StorageLike | null, clock: () => number = Date.now) {
  let local = clock();
  return {
    /** This tab saw a key, a click or a page load. */
    touch(): void {
      local = clock();
      try {
        storage?.setItem(KEY, String(local));
      } catch {
        // Storage full or refused: this tab's own mark still counts.
      }
    },
    /** The latest activity in any tab of this browser. */
    last(): number {
      const shared = Number(storage?.getItem(KEY) ?? Number.NaN);
      return Number.isFinite(shared) ? Math.max(local, shared) : local;
    },
  };
}
