import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/config";
import { retentionCutoffs, retentionSettingsOf } from "./settings";

describe("retention cut-offs", () => {
  const at = new Date("2026-03-31T15:00:00Z");

  it("are the payload window in days and the content period in months before the instant", () => {
    expect(retentionCutoffs({ payloadDays: 7, contentMonths: 12 }, at)).toEqual({
      payloadCutoff: new Date("2026-03-24T15:00:00Z"),
      contentCutoff: new Date("2025-03-31T15:00:00Z"),
    });
  });

  it("keep content until destruction when the period is 0 months", () => {
    expect(retentionCutoffs({ payloadDays: 1, contentMonths: 0 }, at).contentCutoff).toBeNull();
  });

  it("come from the environment, 7 days and 12 months unless set, and refuse what is out of range", () => {
    expect(retentionSettingsOf(parseEnv({}, { requireSecrets: false }))).toEqual({ payloadDays: 7, contentMonths: 12 });
    expect(retentionSettingsOf(parseEnv({ SOUDAN_RETENTION_PAYLOAD_DAYS: "3", SOUDAN_RETENTION_CONTENT_MONTHS: "0" }, { requireSecrets: false }))).toEqual({ payloadDays: 3, contentMonths: 0 });
    expect(() => parseEnv({ SOUDAN_RETENTION_PAYLOAD_DAYS: "0" }, { requireSecrets: false })).toThrow(/SOUDAN_RETENTION_PAYLOAD_DAYS/);
    expect(() => parseEnv({ SOUDAN_RETENTION_CONTENT_MONTHS: "ever" }, { requireSecrets: false })).toThrow(ConfigError);
  });
});
