import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./index";

const key = randomBytes(32).toString("base64");

describe("configuration", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({ SOUDAN_ENCRYPTION_KEY: key }, { requireSecrets: true });
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", CHAT_MODE: "secure", LINE_API_BASE_URL: "https://api.line.me", SOUDAN_DEMO: false });
  });

  it("stops with one line naming a missing key", () => {
    expect(() => parseEnv({}, { requireSecrets: true })).toThrow(/^Configuration error: SOUDAN_ENCRYPTION_KEY is required/);
  });

  it("names a malformed variable", () => {
    expect(() => parseEnv({ SOUDAN_ENCRYPTION_KEY: "short" }, { requireSecrets: true })).toThrow(/SOUDAN_ENCRYPTION_KEY must be 32 random bytes/);
    expect(() => parseEnv({ SOUDAN_ENCRYPTION_KEY: key, PORT: "eighty" }, { requireSecrets: true })).toThrow(ConfigError);
    expect(() => parseEnv({ SOUDAN_ENCRYPTION_KEY: key, CHAT_MODE: "sms" }, { requireSecrets: true })).toThrow(/CHAT_MODE/);
    expect(() => parseEnv({ SOUDAN_ENCRYPTION_KEY: key, DATABASE_URL: "not a url" }, { requireSecrets: true })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ SOUDAN_ENCRYPTION_KEY: key, SOUDAN_TIME_ORIGIN: "tomorrow" }, { requireSecrets: true })).toThrow(/SOUDAN_TIME_ORIGIN/);
  });

  it("reads old keys for rotation and treats empty values as unset", () => {
    const old = randomBytes(32).toString("base64");
    const env = parseEnv({ SOUDAN_ENCRYPTION_KEY: key, SOUDAN_ENCRYPTION_KEYS_OLD: ` ${old} `, DATABASE_URL: "" }, { requireSecrets: true });
    expect(env.SOUDAN_ENCRYPTION_KEYS_OLD).toEqual([old]);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("lets build-time tools run without secrets", () => {
    expect(parseEnv({}, { requireSecrets: false }).SOUDAN_ENCRYPTION_KEY).toBeUndefined();
  });
});
