import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDefaultRichMenu, DEFAULT_RICH_MENU_NAME, DEFAULT_RICH_MENU_SIZE, readPngSize } from ".";

const LIFF_ID = "1234567890-abcdefgh";
const asset = readFileSync(new URL("../../../assets/rich-menu/default.png", import.meta.url));

describe("buildDefaultRichMenu", () => {
  const menu = buildDefaultRichMenu(LIFF_ID, "secure");
  const areas = menu.areas ?? [];
  const { width, height } = DEFAULT_RICH_MENU_SIZE;

  it("is a selected 2500x843 menu whose name carries the version", () => {
    expect(menu).toMatchObject({ size: { width: 2500, height: 843 }, selected: true, chatBarText: "メニュー" });
    expect(menu.name).toBe(DEFAULT_RICH_MENU_NAME);
    expect(menu.name).toMatch(/^soudan-default-v\d+$/);
  });

  it("has the three actions: 相談する opens the LIFF app, the other two post back what the webhook answers", () => {
    expect(areas.map((area) => area.action)).toEqual([
      { type: "uri", label: "相談する", uri: "https://liff.line.me/1234567890-abcdefgh" },
      { type: "postback", label: "相談時間", data: "action=hours", displayText: "相談時間" },
      { type: "postback", label: "緊急のときは", data: "action=emergency", displayText: "緊急のときは" },
    ]);
  });

  it("tiles the whole image with areas inside its bounds, 相談する the largest", () => {
    const rects = areas.map((area) => ({ x: area.bounds?.x ?? -1, y: area.bounds?.y ?? -1, w: area.bounds?.width ?? 0, h: area.bounds?.height ?? 0 }));
    for (const r of rects) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(width);
      expect(r.y + r.h).toBeLessThanOrEqual(height);
    }
    // In bounds, pairwise disjoint and summing to the full area means every pixel is tappable exactly once.
    rects.forEach((a, i) =>
      rects.slice(i + 1).forEach((b) => {
        const overlaps = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlaps).toBe(false);
      }),
    );
    expect(rects.reduce((sum, r) => sum + r.w * r.h, 0)).toBe(width * height);
    const [consult, ...others] = rects.map((r) => r.w * r.h);
    for (const other of others) expect(consult).toBeGreaterThan(other);
  });
});

describe("buildDefaultRichMenu in line mode", () => {
  it("posts back 相談する, so the consultation starts in the talk instead of on a page that says to close it", () => {
    const line = buildDefaultRichMenu(LIFF_ID, "line");
    expect(line.areas?.[0]?.action).toEqual({ type: "postback", label: "相談する", data: "action=consult", displayText: "相談する" });
    expect(line.areas?.slice(1)).toEqual(buildDefaultRichMenu(LIFF_ID, "secure").areas?.slice(1));
  });
});

describe("assets/rich-menu/default.png", () => {
  it("is a PNG of exactly the menu's size, within LINE's limits", () => {
    // Read IHDR by hand so this check does not rest on readPngSize.
    expect(asset.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(asset.toString("latin1", 12, 16)).toBe("IHDR");
    expect({ width: asset.readUInt32BE(16), height: asset.readUInt32BE(20) }).toEqual(DEFAULT_RICH_MENU_SIZE);
    expect(asset.length).toBeLessThan(1024 * 1024);
    expect(DEFAULT_RICH_MENU_SIZE.width / DEFAULT_RICH_MENU_SIZE.height).toBeGreaterThanOrEqual(1.45);
  });
});

describe("readPngSize", () => {
  it("reads the asset's size and refuses what is not a PNG", () => {
    expect(readPngSize(asset)).toEqual({ width: 2500, height: 843 });
    expect(readPngSize(Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"))).toBeNull();
    expect(readPngSize(asset.subarray(0, 20))).toBeNull();
  });
});
