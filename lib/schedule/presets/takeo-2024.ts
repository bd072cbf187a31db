import type { Schedule } from "../schema";
import { weekendAndHolidayEvenings } from "./fiscal-year";

/**
 * 武雄市子ども・若者相談ほっとLINE事業 仕様書 7–8: 設置期間 令和6年7月22日〜令和7年3月31日,
 * 土日祝日 20:00〜24:00, 令和6年12月28日〜令和7年1月5日を除く.
 */
export const takeo2024Preset: Schedule = {
  timezone: "Asia/Tokyo",
  servicePeriod: { from: "2024-07-22", to: "2025-03-31" },
  ...weekendAndHolidayEvenings(),
  closures: [{ from: "2024-12-28", to: "2025-01-05", reason: "年末年始" }],
  openings: [],
};
