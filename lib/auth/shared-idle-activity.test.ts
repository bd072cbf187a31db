import { describe, expect, it } from "vitest";
import { createSharedIdleActivity } from "./client";

/** One browser's localStorage, shared by its tabs. */
function sharedStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe("the idle activity shared by a browser's tabs", () => {
  it("lets typing in one tab keep a quiet tab from counting idle", () => {
    const storage = sharedStorage();
    let at = 0;
    const quiet = createSharedIdleActivity(storage, () => at);
    const typing = createSharedIdleActivity(storage, () => at);
    quiet.touch();
    at = 25 * 60_000;
    typing.touch();
    at = 29 * 60_000;
    expect(quiet.last()).toBe(25 * 60_000);
    expect(typing.last()).toBe(25 * 60_000);
  });

  it("counts a tab's own activity when it is the latest, and without storage", () => {
    const storage = sharedStorage();
    let at = 1_000;
    const other = createSharedIdleActivity(storage, () => at);
    other.touch();
    at = 5_000;
    const self = createSharedIdleActivity(storage, () => at);
    expect(self.last()).toBe(5_000);
    at = 9_000;
    const alone = createSharedIdleActivity(null, () => at);
    at = 10_000;
    alone.touch();
    expect(alone.last()).toBe(10_000);
  });

  it("keeps this tab's mark when the browser refuses to store it", () => {
    let at = 0;
    const refusing = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
    const tab = createSharedIdleActivity(refusing, () => at);
    at = 3_000;
    tab.touch();
    expect(tab.last()).toBe(3_000);
  });
});
