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

  it("takes an alert re-send interval in minutes, fractions down to a quarter included", () => {
    expect(parseEnv({ SOUDAN_ENCRYPTION_KEY: key }, { requireSecrets: true }).SOUDAN_ALERT_RESEND_MINUTES).toBe(10);
    expect(parseEnv({ SOUDAN_ENCRYPTION_KEY: key, SOUDAN_ALERT_RESEND_MINUTES: "0.25" }, { requireSecrets: true }).SOUDAN_ALERT_RESEND_MINUTES).toBe(0.25);
    expect(() => parseEnv({ SOUDAN_ENCRYPTION_KEY: key, SOUDAN_ALERT_RESEND_MINUTES: "0.1" }, { requireSecrets: true })).toThrow(/SOUDAN_ALERT_RESEND_MINUTES/);
  });

  it("lets build-time tools run without secrets", () => {
    expect(parseEnv({}, { requireSecrets: false }).SOUDAN_ENCRYPTION_KEY).toBeUndefined();
  });

  it("reads the staff networks, and refuses a bad one or a list without the proxy's header", () => {
    const proxied = { SOUDAN_ENCRYPTION_KEY: key, SOUDAN_TRUSTED_PROXY_HEADER: "x-forwarded-for" };
    expect(parseEnv(proxied, { requireSecrets: true }).SOUDAN_STAFF_ALLOWED_CIDRS).toBeUndefined();
    expect(parseEnv({ ...proxied, SOUDAN_STAFF_ALLOWED_CIDRS: " 192.0.2.0/24, 2001:db8::/32 ,198.51.100.7" }, { requireSecrets: true }).SOUDAN_STAFF_ALLOWED_CIDRS).toEqual([
      { address: "192.0.2.0", prefix: 24, family: "ipv4" },
      { address: "2001:db8::", prefix: 32, family: "ipv6" },
      { address: "198.51.100.7", prefix: 32, family: "ipv4" },
    ]);
    for (const bad of ["192.0.2.0/33", "192.0.2.300/24", "office", "10.0.0.0/8/1", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1"]) {
      expect(() => parseEnv({ ...proxied, SOUDAN_STAFF_ALLOWED_CIDRS: `10.0.0.0/8,${bad}` }, { requireSecrets: true }), bad).toThrow(
        new RegExp(`^Configuration error: SOUDAN_STAFF_ALLOWED_CIDRS has "${bad.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}", which is not a network`),
      );
    }
    expect(() => parseEnv({ ...proxied, SOUDAN_STAFF_ALLOWED_CIDRS: " , " }, { requireSecrets: true })).toThrow(/SOUDAN_STAFF_ALLOWED_CIDRS must list at least one network/);
    expect(() => parseEnv({ SOUDAN_ENCRYPTION_KEY: key, SOUDAN_STAFF_ALLOWED_CIDRS: "192.0.2.0/24" }, { requireSecrets: true })).toThrow(
      /^Configuration error: SOUDAN_STAFF_ALLOWED_CIDRS needs SOUDAN_TRUSTED_PROXY_HEADER/,
    );
  });
});
