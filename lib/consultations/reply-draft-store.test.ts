import { describe, expect, it } from "vitest";
import { createReplyDraftStore } from "./client";

/** One shift, as the store promises. */
const REPLY_DRAFT_TTL_MS = 8 * 60 * 60_000;

/** The Web Storage interface over a Map, as a browser's localStorage behaves. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("the reply draft store", () => {
  it("keeps a draft per staff member and consultation, and clears it on send", () => {
    const storage = memoryStorage();
    const drafts = createReplyDraftStore(storage, () => 1_000);
    drafts.save("staff-a", "c1", "書きかけ");
    drafts.save("staff-a", "c2", "べつの相談");
    expect(drafts.load("staff-a", "c1")).toBe("書きかけ");
    expect(drafts.load("staff-b", "c1")).toBe("");
    expect(drafts.load("staff-a", "c2")).toBe("べつの相談");
    drafts.clear("staff-a", "c1");
    expect(drafts.load("staff-a", "c1")).toBe("");
    drafts.save("staff-a", "c2", "");
    expect(storage.map.size).toBe(0);
  });

  it("forgets a draft older than a shift, on load and on sweep", () => {
    const storage = memoryStorage();
    let at = 0;
    const drafts = createReplyDraftStore(storage, () => at);
    drafts.save("s", "old", "きのう");
    at = REPLY_DRAFT_TTL_MS / 2;
    drafts.save("s", "new", "きょう");
    at = REPLY_DRAFT_TTL_MS + 1;
    expect(drafts.load("s", "old")).toBe("");
    expect(storage.map.size).toBe(1);
    storage.setItem("soudan.reply-draft.s.broken", "{not json");
    at = REPLY_DRAFT_TTL_MS * 2;
    drafts.sweep();
    expect(storage.map.size).toBe(0);
  });

  it("leaves other keys of the browser alone", () => {
    const storage = memoryStorage();
    storage.setItem("soudan.sound", "1");
    createReplyDraftStore(storage, () => REPLY_DRAFT_TTL_MS * 3).sweep();
    expect(storage.getItem("soudan.sound")).toBe("1");
  });

  it("does not outlive a shift: a draft from nine hours ago is gone", () => {
    const storage = memoryStorage();
    let at = 0;
    const drafts = createReplyDraftStore(storage, () => at);
    drafts.save("s", "c", "まえの勤務");
    at = 9 * 60 * 60_000;
    expect(drafts.load("s", "c")).toBe("");
  });

  it("clears every staff member's drafts on an explicit sign-out, and nothing else", () => {
    const storage = memoryStorage();
    storage.setItem("soudan.sound", "1");
    const drafts = createReplyDraftStore(storage, () => 1_000);
    drafts.save("staff-a", "c1", "書きかけ");
    drafts.save("staff-b", "c2", "べつの人");
    drafts.clearAll();
    expect(drafts.load("staff-a", "c1")).toBe("");
    expect(drafts.load("staff-b", "c2")).toBe("");
    expect([...storage.map.keys()]).toEqual(["soudan.sound"]);
  });
});
